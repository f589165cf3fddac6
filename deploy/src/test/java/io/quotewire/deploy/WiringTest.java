package io.quotewire.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rendered objects fit together and fit the services: ports, probes, selectors, the URLs
 * ingest-service calls, database settings, references to ConfigMaps and Secrets, heap sizes.
 */
class WiringTest {

    /** The services as they are built: name → HTTP port (application.properties). */
    static final Map<String, Integer> SERVICES = Map.of(
            "ingest-service", 8081, "extraction-service", 8082, "query-service", 8083);

    /** Secrets that production expects the operator to create (deploy/README.md). */
    static final Set<String> OPERATOR_SECRETS = Set.of("quotewire-db", "quotewire-auth");

    static Stream<String> overlays() {
        return Overlays.names().stream();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void workloadSelectorsSelectTheirOwnPods(String overlay) {
        List<PodTemplates.Workload> workloads = PodTemplates.of(Overlays.get(overlay));
        for (PodTemplates.Workload w : workloads) {
            assertThat(PodTemplates.matches(w.selector(), w.podLabels())).as(overlay + " " + w + " selector").isTrue();
            for (PodTemplates.Workload other : workloads) {
                if (other != w) {
                    assertThat(PodTemplates.matches(w.selector(), other.podLabels()))
                            .as(overlay + " " + w + " selector must not select " + other).isFalse();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eachServiceListensWhereItsServiceAndProbesPoint(String overlay) {
        Overlays.Overlay o = Overlays.get(overlay);
        SERVICES.forEach((name, port) -> {
            Container c = only(PodTemplates.named(o, name).containers());
            ContainerPort http = containerPort(c, "http");
            assertThat(http.getContainerPort()).as(overlay + " " + name + " container port").isEqualTo(port);
            assertThat(PodTemplates.env(c, "QUARKUS_HTTP_PORT").map(EnvVar::getValue))
                    .as(overlay + " " + name + " QUARKUS_HTTP_PORT").contains(String.valueOf(port));

            Service svc = o.one(Service.class, name);
            ServicePort sp = only(svc.getSpec().getPorts());
            assertThat(sp.getPort()).as(overlay + " Service " + name + " port").isEqualTo(port);
            assertThat(resolve(sp.getTargetPort(), c)).as(overlay + " Service " + name + " targetPort").isEqualTo(port);

            assertProbe(overlay, name, c, c.getStartupProbe(), "/q/health/started", port);
            assertProbe(overlay, name, c, c.getLivenessProbe(), "/q/health/live", port);
            assertProbe(overlay, name, c, c.getReadinessProbe(), "/q/health/ready", port);
        });
    }

    private static void assertProbe(String overlay, String name, Container c, Probe probe, String path, int port) {
        HTTPGetAction get = probe.getHttpGet();
        assertThat(get).as(overlay + " " + name + " probe " + path + " is an HTTP GET").isNotNull();
        assertThat(get.getPath()).as(overlay + " " + name + " probe path").isEqualTo(path);
        assertThat(resolve(get.getPort(), c)).as(overlay + " " + name + " probe port").isEqualTo(port);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceSelectsPodsThatHaveItsTargetPort(String overlay) {
        Overlays.Overlay o = Overlays.get(overlay);
        for (Service svc : o.all(Service.class)) {
            List<PodTemplates.Workload> selected = PodTemplates.of(o).stream()
                    .filter(w -> PodTemplates.matches(svc.getSpec().getSelector(), w.podLabels())).toList();
            assertThat(selected).as(overlay + " Service " + svc.getMetadata().getName() + " selects one workload")
                    .hasSize(1);
            for (ServicePort sp : svc.getSpec().getPorts()) {
                assertThat(resolve(sp.getTargetPort(), only(selected.get(0).containers())))
                        .as(overlay + " Service " + svc.getMetadata().getName() + " targetPort").isNotNull();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void ingestCallsExtractionAndQueryThroughTheirServices(String overlay) {
        Overlays.Overlay o = Overlays.get(overlay);
        Map<String, String> env = environment(o, PodTemplates.named(o, "ingest-service"));
        for (Map.Entry<String, String> call : Map.of(
                "QUOTEWIRE_EXTRACTION_URL", "extraction-service", "QUOTEWIRE_QUERY_URL", "query-service").entrySet()) {
            String url = env.get(call.getKey());
            assertThat(url).as(overlay + " ingest-service " + call.getKey()).isNotBlank();
            URI uri = URI.create(url);
            Service svc = o.one(Service.class, uri.getHost());
            ServicePort sp = svc.getSpec().getPorts().stream().filter(p -> p.getPort() == uri.getPort()).findFirst()
                    .orElseThrow(() -> new AssertionError(overlay + ": " + url + " names no port of its Service"));
            PodTemplates.Workload target = PodTemplates.named(o, call.getValue());
            assertThat(PodTemplates.matches(svc.getSpec().getSelector(), target.podLabels()))
                    .as(overlay + ": " + url + " reaches " + call.getValue()).isTrue();
            assertThat(resolve(sp.getTargetPort(), only(target.containers())))
                    .isEqualTo(SERVICES.get(call.getValue()));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theDatabaseOwnersGetTheirDatasourceFromTheSecretAndExtractionGetsNone(String overlay) {
        Overlays.Overlay o = Overlays.get(overlay);
        for (String owner : List.of("ingest", "query")) {
            Container c = only(PodTemplates.named(o, owner + "-service").containers());
            for (String[] v : new String[][] {{"QUARKUS_DATASOURCE_JDBC_URL", "jdbc-url"},
                    {"QUARKUS_DATASOURCE_USERNAME", "username"}, {"QUARKUS_DATASOURCE_PASSWORD", "password"}}) {
                EnvVar e = PodTemplates.env(c, v[0]).orElseThrow(() -> new AssertionError(overlay + " " + owner + " " + v[0]));
                assertThat(e.getValueFrom()).as(overlay + " " + owner + " " + v[0] + " from a Secret").isNotNull();
                assertThat(e.getValueFrom().getSecretKeyRef().getName()).startsWith("quotewire-db");
                assertThat(e.getValueFrom().getSecretKeyRef().getKey()).isEqualTo(owner + "-" + v[1]);
            }
        }
        Container extraction = only(PodTemplates.named(o, "extraction-service").containers());
        assertThat(environment(o, PodTemplates.named(o, "extraction-service")).keySet())
                .as(overlay + " extraction-service is stateless").noneMatch(k -> k.startsWith("QUARKUS_DATASOURCE"));
        assertThat(Optional.ofNullable(extraction.getEnv()).orElse(List.of()))
                .noneMatch(e -> e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyReferencedConfigMapAndSecretExists(String overlay) {
        Overlays.Overlay o = Overlays.get(overlay);
        Map<String, Set<String>> configMaps = new HashMap<>();
        o.all(ConfigMap.class).forEach(cm -> configMaps.put(cm.getMetadata().getName(),
                Optional.ofNullable(cm.getData()).orElse(Map.of()).keySet()));
        Map<String, Set<String>> secrets = new HashMap<>();
        o.all(Secret.class).forEach(s -> secrets.put(s.getMetadata().getName(), keys(s)));
        for (PodTemplates.Workload w : PodTemplates.of(o)) {
            for (Container c : w.containers()) {
                for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
                    if (from.getConfigMapRef() != null) {
                        assertThat(configMaps).as(overlay + " " + w + " envFrom").containsKey(from.getConfigMapRef().getName());
                    }
                    if (from.getSecretRef() != null) {
                        assertSecret(overlay, w, secrets, from.getSecretRef().getName(), null);
                    }
                }
                for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
                    if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
                        var ref = e.getValueFrom().getConfigMapKeyRef();
                        assertThat(configMaps.get(ref.getName())).as(overlay + " " + w + " " + e.getName()).contains(ref.getKey());
                    }
                    if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                        var ref = e.getValueFrom().getSecretKeyRef();
                        assertSecret(overlay, w, secrets, ref.getName(), ref.getKey());
                    }
                }
            }
            for (Volume v : Optional.ofNullable(w.template().getSpec().getVolumes()).orElse(List.of())) {
                if (v.getConfigMap() != null) {
                    assertThat(configMaps).as(overlay + " " + w + " volume " + v.getName()).containsKey(v.getConfigMap().getName());
                }
                if (v.getSecret() != null) {
                    assertSecret(overlay, w, secrets, v.getSecret().getSecretName(), null);
                }
            }
        }
    }

    private static void assertSecret(String overlay, PodTemplates.Workload w, Map<String, Set<String>> secrets,
                                     String name, String key) {
        if (secrets.containsKey(name)) {
            if (key != null) {
                assertThat(secrets.get(name)).as(overlay + " " + w + " Secret " + name).contains(key);
            }
        } else {
            assertThat(OPERATOR_SECRETS).as(overlay + " " + w + ": Secret " + name
                    + " is neither rendered nor one the operator creates").contains(name);
            assertThat(overlay).as("only production relies on operator-created Secrets").isEqualTo("production");
        }
    }

    private static Set<String> keys(Secret s) {
        Set<String> keys = new java.util.HashSet<>(Optional.ofNullable(s.getData()).orElse(Map.of()).keySet());
        keys.addAll(Optional.ofNullable(s.getStringData()).orElse(Map.of()).keySet());
        return keys;
    }

    private static final Pattern MAX_RAM = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)");

    @ParameterizedTest
    @MethodSource("overlays")
    void jvmHeapsAreSizedFromTheMemoryLimitAndExtractionFitsIn256MiB(String overlay) {
        Overlays.Overlay o = Overlays.get(overlay);
        for (String name : SERVICES.keySet()) {
            Container c = only(PodTemplates.named(o, name).containers());
            String opts = PodTemplates.env(c, "JAVA_OPTS_APPEND").map(EnvVar::getValue).orElse("");
            Matcher m = MAX_RAM.matcher(opts);
            assertThat(m.find()).as(overlay + " " + name + " JAVA_OPTS_APPEND sets -XX:MaxRAMPercentage").isTrue();
            BigDecimal percent = new BigDecimal(m.group(1));
            BigDecimal limit = Quantity.getAmountInBytes(c.getResources().getLimits().get("memory"));
            BigDecimal heap = limit.multiply(percent).divide(BigDecimal.valueOf(100));
            assertThat(percent).as(overlay + " " + name + " leaves room for non-heap memory")
                    .isBetween(BigDecimal.valueOf(25), BigDecimal.valueOf(75));
            if (name.equals("extraction-service")) {
                assertThat(heap).as(overlay + " extraction-service max heap (bytes)")
                        .isLessThanOrEqualTo(BigDecimal.valueOf(256L * 1024 * 1024));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theIngressRoutesThePublicApisToExistingServicesAndKeepsTheIndexHandOffInternal(String overlay) {
        Overlays.Overlay o = Overlays.get(overlay);
        List<Ingress> ingresses = o.all(Ingress.class);
        assertThat(ingresses).as(overlay + " ingress").isNotEmpty();
        List<String> backends = new ArrayList<>();
        for (Ingress ing : ingresses) {
            for (IngressRule rule : ing.getSpec().getRules()) {
                for (HTTPIngressPath path : rule.getHttp().getPaths()) {
                    String svcName = path.getBackend().getService().getName();
                    Service svc = o.one(Service.class, svcName);
                    String portName = path.getBackend().getService().getPort().getName();
                    assertThat(svc.getSpec().getPorts()).extracting(ServicePort::getName).contains(portName);
                    assertThat(path.getPath()).as(overlay + " routed path").doesNotStartWith("/api/v1/index")
                            .doesNotStartWith("/q/").isNotEqualTo("/");
                    backends.add(svcName);
                }
            }
        }
        assertThat(backends).contains("ingest-service", "query-service").doesNotContain("extraction-service");
    }

    static Map<String, String> environment(Overlays.Overlay o, PodTemplates.Workload w) {
        Map<String, String> env = new HashMap<>();
        Container c = only(w.containers());
        for (EnvFromSource from : Optional.ofNullable(c.getEnvFrom()).orElse(List.of())) {
            if (from.getConfigMapRef() != null) {
                env.putAll(o.one(ConfigMap.class, from.getConfigMapRef().getName()).getData());
            }
        }
        for (EnvVar e : Optional.ofNullable(c.getEnv()).orElse(List.of())) {
            env.put(e.getName(), e.getValue());
        }
        return env;
    }

    private static ContainerPort containerPort(Container c, String name) {
        return c.getPorts().stream().filter(p -> name.equals(p.getName())).findFirst()
                .orElseThrow(() -> new AssertionError("container " + c.getName() + " has no port named " + name));
    }

    /** A probe's or Service's port (number or name) as the container port number it means. */
    private static Integer resolve(IntOrString port, Container c) {
        if (port == null) {
            return null;
        }
        if (port.getIntVal() != null) {
            return c.getPorts().stream().map(ContainerPort::getContainerPort)
                    .filter(p -> p.equals(port.getIntVal())).findFirst().orElse(null);
        }
        return c.getPorts().stream().filter(p -> port.getStrVal().equals(p.getName()))
                .map(ContainerPort::getContainerPort).findFirst().orElse(null);
    }

    static <T> T only(List<T> list) {
        assertThat(list).hasSize(1);
        return list.get(0);
    }
}
