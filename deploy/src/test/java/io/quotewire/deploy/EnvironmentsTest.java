package io.quotewire.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.TopologySpreadConstraint;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** What sets the two environments apart. */
class EnvironmentsTest {

    private static final List<String> SERVICES = List.of("extraction-service", "ingest-service", "query-service");

    @Nested
    class Production {

        private final Overlays.Overlay o = Overlays.get("production");

        @Test
        void usesAnExternalDatabaseThroughTheOperatorsSecretAndShipsNoSecret() {
            assertThat(o.all(Secret.class)).as("production renders no Secret").isEmpty();
            assertThat(o.all(StatefulSet.class)).as("no in-cluster database").isEmpty();
            assertThat(o.all(Service.class)).extracting(s -> s.getMetadata().getName()).doesNotContain("postgres");
        }

        @Test
        void runsSeveralReplicasOfTheFixedSizeServices() {
            for (String name : List.of("ingest-service", "query-service")) {
                assertThat(o.one(Deployment.class, name).getSpec().getReplicas()).as(name).isGreaterThanOrEqualTo(2);
            }
        }

        @Test
        void autoscalesExtractionOnCpuAndLeavesItsReplicaCountToTheAutoscaler() {
            HorizontalPodAutoscaler hpa = o.one(HorizontalPodAutoscaler.class, "extraction-service");
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(hpa.getSpec().getScaleTargetRef().getApiVersion()).isEqualTo("apps/v1");
            Deployment target = o.one(Deployment.class, hpa.getSpec().getScaleTargetRef().getName());
            assertThat(target.getSpec().getReplicas()).as("replicas left to the HPA").isNull();
            assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(2);
            assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
            assertThat(hpa.getSpec().getMetrics()).anySatisfy(m -> {
                assertThat(m.getResource().getName()).isEqualTo("cpu");
                assertThat(m.getResource().getTarget().getAverageUtilization()).isBetween(1, 100);
            });
            Container c = target.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(c.getResources().getRequests()).as("utilisation needs a CPU request").containsKey("cpu");
        }

        @Test
        void everyServiceHasADisruptionBudgetThatLeavesPodsRunning() {
            for (String name : SERVICES) {
                Deployment d = o.one(Deployment.class, name);
                List<PodDisruptionBudget> pdbs = o.all(PodDisruptionBudget.class).stream()
                        .filter(p -> PodTemplates.matches(p.getSpec().getSelector(),
                                d.getSpec().getTemplate().getMetadata().getLabels()))
                        .toList();
                assertThat(pdbs).as(name + " PodDisruptionBudget").hasSize(1);
                PodDisruptionBudget pdb = pdbs.get(0);
                int minReplicas = Optional.ofNullable(d.getSpec().getReplicas())
                        .orElseGet(() -> o.one(HorizontalPodAutoscaler.class, name).getSpec().getMinReplicas());
                int maxUnavailable = pdb.getSpec().getMaxUnavailable() != null
                        ? pdb.getSpec().getMaxUnavailable().getIntVal()
                        : minReplicas - pdb.getSpec().getMinAvailable().getIntVal();
                assertThat(maxUnavailable).as(name + " may lose a pod to a drain").isGreaterThanOrEqualTo(1);
                assertThat(minReplicas - maxUnavailable).as(name + " keeps serving during a drain").isGreaterThanOrEqualTo(1);
            }
        }

        @Test
        void spreadsEveryServiceOverNodesAndZones() {
            for (String name : SERVICES) {
                Deployment d = o.one(Deployment.class, name);
                List<TopologySpreadConstraint> spread = d.getSpec().getTemplate().getSpec().getTopologySpreadConstraints();
                assertThat(spread).as(name).extracting(TopologySpreadConstraint::getTopologyKey)
                        .contains("kubernetes.io/hostname", "topology.kubernetes.io/zone");
                for (TopologySpreadConstraint t : spread) {
                    assertThat(PodTemplates.matches(t.getLabelSelector(), d.getSpec().getTemplate().getMetadata().getLabels()))
                            .as(name + " spread constraint counts its own pods").isTrue();
                    assertThat(t.getMatchLabelKeys()).as(name + " spread per service").contains("app.kubernetes.io/name");
                }
            }
        }

        @Test
        void pullsImagesFromARegistryWithAPinnedReleaseTag() {
            for (String name : SERVICES) {
                String image = o.one(Deployment.class, name).getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
                assertThat(image).as(name).contains("/").doesNotContain("SNAPSHOT").doesNotEndWith(":dev");
            }
        }
    }

    @Nested
    class Local {

        private final Overlays.Overlay o = Overlays.get("local");

        @Test
        void runsTheOfficialPostgresImageAsAStatefulSetWithAVolumeClaimTemplate() {
            StatefulSet pg = o.one(StatefulSet.class, "postgres");
            Container c = pg.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertThat(c.getImage()).matches("postgres:17(\\..*)?");
            List<PersistentVolumeClaim> claims = pg.getSpec().getVolumeClaimTemplates();
            assertThat(claims).hasSize(1);
            PersistentVolumeClaim data = claims.get(0);
            assertThat(data.getSpec().getResources().getRequests()).containsKey("storage");
            assertThat(c.getVolumeMounts()).anySatisfy(m -> {
                assertThat(m.getName()).isEqualTo(data.getMetadata().getName());
                assertThat(m.getMountPath()).isEqualTo("/var/lib/postgresql/data");
            });
            String pgdata = PodTemplates.env(c, "PGDATA").orElseThrow().getValue();
            assertThat(pgdata).as("PGDATA inside the volume").startsWith("/var/lib/postgresql/data/");
            Service governing = o.one(Service.class, pg.getSpec().getServiceName());
            assertThat(governing.getSpec().getClusterIP()).isEqualTo("None");
        }

        @Test
        void initialisesTheDatabasesIngestAndQueryWithOneOwnerEach() {
            StatefulSet pg = o.one(StatefulSet.class, "postgres");
            Container c = pg.getSpec().getTemplate().getSpec().getContainers().get(0);
            VolumeMount init = c.getVolumeMounts().stream()
                    .filter(m -> m.getMountPath().equals("/docker-entrypoint-initdb.d")).findFirst().orElseThrow();
            String configMap = pg.getSpec().getTemplate().getSpec().getVolumes().stream()
                    .filter(v -> v.getName().equals(init.getName())).findFirst().orElseThrow().getConfigMap().getName();
            Map<String, String> scripts = o.one(ConfigMap.class, configMap).getData();
            assertThat(scripts).containsKey("init-databases.sh");
            String script = scripts.get("init-databases.sh");
            assertThat(script).contains("CREATE DATABASE ingest OWNER", "CREATE DATABASE query OWNER",
                    "REVOKE ALL ON DATABASE ingest FROM PUBLIC", "REVOKE ALL ON DATABASE query FROM PUBLIC",
                    "ON_ERROR_STOP=1");
            for (String var : List.of("INGEST_DB_USERNAME", "INGEST_DB_PASSWORD", "QUERY_DB_USERNAME", "QUERY_DB_PASSWORD")) {
                assertThat(script).contains("$" + var);
                assertThat(PodTemplates.env(c, var)).as("the StatefulSet passes " + var).isPresent();
            }
        }

        @Test
        void theServicesConnectToTheirOwnDatabaseWithTheRoleTheInitScriptCreates() {
            Secret db = o.all(Secret.class).stream().filter(s -> s.getMetadata().getName().startsWith("quotewire-db"))
                    .findFirst().orElseThrow();
            assertThat(db.getMetadata().getLabels()).as("dev values are marked").containsEntry("quotewire.io/dev-only", "true");
            StatefulSet pg = o.one(StatefulSet.class, "postgres");
            Container pgc = pg.getSpec().getTemplate().getSpec().getContainers().get(0);
            for (String owner : List.of("ingest", "query")) {
                URI jdbc = URI.create(decode(db, owner + "-jdbc-url").substring("jdbc:".length()));
                assertThat(jdbc.getScheme()).isEqualTo("postgresql");
                assertThat(jdbc.getPath()).isEqualTo("/" + owner);
                Service svc = o.one(Service.class, jdbc.getHost());
                assertThat(PodTemplates.matches(svc.getSpec().getSelector(),
                        pg.getSpec().getTemplate().getMetadata().getLabels())).isTrue();
                assertThat(svc.getSpec().getPorts()).anySatisfy(p -> assertThat(p.getPort()).isEqualTo(jdbc.getPort()));
                String userKey = PodTemplates.env(pgc, owner.toUpperCase() + "_DB_USERNAME").orElseThrow()
                        .getValueFrom().getSecretKeyRef().getKey();
                assertThat(userKey).isEqualTo(owner + "-username");
                assertThat(decode(db, owner + "-password")).startsWith("dev-only-");
            }
        }

        private static String decode(Secret s, String key) {
            assertThat(s.getData()).containsKey(key);
            return new String(Base64.getDecoder().decode(s.getData().get(key)), StandardCharsets.UTF_8);
        }
    }
}
