package io.quotewire.deploy;

import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every pod of every overlay is locked down, probed and bounded. Checked on the rendered objects,
 * so a patch in an overlay cannot quietly undo what the base sets.
 */
class SecurityPolicyTest {

    static Stream<String> overlays() {
        return Overlays.names().stream();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void thereAreWorkloadsToCheck(String overlay) {
        assertThat(PodTemplates.of(Overlays.get(overlay))).extracting(PodTemplates.Workload::name)
                .contains("extraction-service", "ingest-service", "query-service");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerHasStartupLivenessAndReadinessProbes(String overlay) {
        for (PodTemplates.Workload w : PodTemplates.of(Overlays.get(overlay))) {
            for (Container c : w.containers()) {
                String where = overlay + " " + w + " container " + c.getName();
                assertThat(c.getStartupProbe()).as(where + " startupProbe").isNotNull();
                assertThat(c.getLivenessProbe()).as(where + " livenessProbe").isNotNull();
                assertThat(c.getReadinessProbe()).as(where + " readinessProbe").isNotNull();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyContainerHasCpuAndMemoryRequestsAndLimits(String overlay) {
        for (PodTemplates.Workload w : PodTemplates.of(Overlays.get(overlay))) {
            for (Container c : w.containers()) {
                String where = overlay + " " + w + " container " + c.getName();
                assertThat(c.getResources()).as(where + " resources").isNotNull();
                Map<String, Quantity> requests = Optional.ofNullable(c.getResources().getRequests()).orElse(Map.of());
                Map<String, Quantity> limits = Optional.ofNullable(c.getResources().getLimits()).orElse(Map.of());
                assertThat(requests).as(where + " requests").containsKeys("cpu", "memory");
                assertThat(limits).as(where + " limits").containsKeys("cpu", "memory");
                for (String r : List.of("cpu", "memory")) {
                    assertThat(Quantity.getAmountInBytes(requests.get(r)))
                            .as(where + " " + r + " request <= limit")
                            .isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get(r)));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPodRunsNonRootReadOnlyWithoutPrivilegesOrToken(String overlay) {
        for (PodTemplates.Workload w : PodTemplates.of(Overlays.get(overlay))) {
            PodSpec pod = w.template().getSpec();
            PodSecurityContext podSc = Optional.ofNullable(pod.getSecurityContext()).orElse(new PodSecurityContext());
            String where = overlay + " " + w;
            assertThat(pod.getAutomountServiceAccountToken()).as(where + " automountServiceAccountToken").isFalse();
            assertThat(pod.getHostNetwork()).as(where + " hostNetwork").isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getHostPID()).as(where + " hostPID").isNotEqualTo(Boolean.TRUE);
            assertThat(pod.getHostIPC()).as(where + " hostIPC").isNotEqualTo(Boolean.TRUE);
            assertThat(Optional.ofNullable(pod.getVolumes()).orElse(List.of()))
                    .as(where + " hostPath volumes").allMatch(v -> v.getHostPath() == null);
            assertThat(Optional.ofNullable(podSc.getRunAsUser()).orElse(1L)).as(where + " runAsUser").isNotZero();

            for (Container c : Stream.concat(pod.getContainers().stream(),
                    Optional.ofNullable(pod.getInitContainers()).orElse(List.of()).stream()).toList()) {
                SecurityContext sc = c.getSecurityContext();
                String cw = where + " container " + c.getName();
                assertThat(sc).as(cw + " securityContext").isNotNull();
                Boolean nonRoot = sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : podSc.getRunAsNonRoot();
                assertThat(nonRoot).as(cw + " runAsNonRoot").isTrue();
                assertThat(Optional.ofNullable(sc.getRunAsUser()).orElse(1L)).as(cw + " runAsUser").isNotZero();
                assertThat(sc.getReadOnlyRootFilesystem()).as(cw + " readOnlyRootFilesystem").isTrue();
                assertThat(sc.getAllowPrivilegeEscalation()).as(cw + " allowPrivilegeEscalation").isFalse();
                assertThat(sc.getPrivileged()).as(cw + " privileged").isNotEqualTo(Boolean.TRUE);
                Capabilities caps = sc.getCapabilities();
                assertThat(caps).as(cw + " capabilities").isNotNull();
                assertThat(caps.getDrop()).as(cw + " capabilities.drop").contains("ALL");
                assertThat(Optional.ofNullable(caps.getAdd()).orElse(List.of())).as(cw + " capabilities.add").isEmpty();
                String seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile().getType()
                        : podSc.getSeccompProfile() != null ? podSc.getSeccompProfile().getType() : null;
                assertThat(seccomp).as(cw + " seccompProfile").isEqualTo("RuntimeDefault");
                assertThat(tmpIsEmptyDir(pod, c)).as(cw + " has an emptyDir on /tmp").isTrue();
            }
        }
    }

    private static boolean tmpIsEmptyDir(PodSpec pod, Container c) {
        for (VolumeMount m : Optional.ofNullable(c.getVolumeMounts()).orElse(List.of())) {
            if (m.getMountPath().equals("/tmp")) {
                return Optional.ofNullable(pod.getVolumes()).orElse(List.of()).stream()
                        .filter(v -> v.getName().equals(m.getName()))
                        .map(Volume::getEmptyDir).anyMatch(e -> e != null);
            }
        }
        return false;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void serviceAccountsMountNoToken(String overlay) {
        Overlays.Overlay o = Overlays.get(overlay);
        assertThat(o.all(ServiceAccount.class)).isNotEmpty()
                .allSatisfy(sa -> assertThat(sa.getAutomountServiceAccountToken())
                        .as(overlay + " ServiceAccount " + sa.getMetadata().getName()).isFalse());
        for (PodTemplates.Workload w : PodTemplates.of(o)) {
            String sa = w.template().getSpec().getServiceAccountName();
            if (sa != null) {
                o.one(ServiceAccount.class, sa);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everythingLivesInTheRestrictedQuotewireNamespace(String overlay) {
        Overlays.Overlay o = Overlays.get(overlay);
        Namespace ns = o.one(Namespace.class, "quotewire");
        assertThat(ns.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        for (HasMetadata object : o.objects()) {
            if (!(object instanceof Namespace)) {
                assertThat(object.getMetadata().getNamespace())
                        .as(overlay + " " + object.getKind() + "/" + object.getMetadata().getName())
                        .isEqualTo("quotewire");
            }
        }
    }
}
