package io.quotewire.deploy;

import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Evaluates the rendered NetworkPolicies the way Kubernetes does (ingress direction): a pod that
 * some policy selects admits a connection only when a rule of one of those policies allows it.
 */
class NetworkPolicyTest {

    private static final String NS = "quotewire";

    /** A would-be client: its pod labels and its namespace's labels. */
    record Client(String name, Map<String, String> podLabels, String namespace) {
        Map<String, String> namespaceLabels() {
            return Map.of("kubernetes.io/metadata.name", namespace);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Client pod(String app) {
        return new Client(app, Map.of("app.kubernetes.io/name", app, "app.kubernetes.io/part-of", "quotewire"), NS);
    }

    static final Client INGRESS_CONTROLLER = new Client("ingress controller",
            Map.of("app.kubernetes.io/name", "ingress-nginx"), "ingress-nginx");
    static final Client OTHER_NAMESPACE = new Client("a pod in another namespace",
            Map.of("app.kubernetes.io/name", "ingest-service"), "default");
    static final Client STRANGER = new Client("an unrelated pod in the namespace",
            Map.of("app", "debug"), NS);

    static Stream<String> overlays() {
        return Overlays.names().stream();
    }

    static boolean admits(Overlays.Overlay o, String targetApp, int port, Client from) {
        Map<String, String> target = PodTemplates.named(o, targetApp).podLabels();
        List<NetworkPolicy> selecting = o.all(NetworkPolicy.class).stream()
                .filter(p -> Optional.ofNullable(p.getSpec().getPolicyTypes()).orElse(List.of("Ingress")).contains("Ingress"))
                .filter(p -> PodTemplates.matches(p.getSpec().getPodSelector(), target))
                .toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (NetworkPolicy p : selecting) {
            for (NetworkPolicyIngressRule rule : Optional.ofNullable(p.getSpec().getIngress()).orElse(List.of())) {
                boolean peerOk = rule.getFrom() == null || rule.getFrom().isEmpty()
                        || rule.getFrom().stream().anyMatch(peer -> peerMatches(peer, from));
                boolean portOk = rule.getPorts() == null || rule.getPorts().isEmpty()
                        || rule.getPorts().stream().anyMatch(pp -> portMatches(pp, port));
                if (peerOk && portOk) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean peerMatches(NetworkPolicyPeer peer, Client from) {
        if (peer.getIpBlock() != null) {
            return false;
        }
        boolean nsOk = peer.getNamespaceSelector() == null
                ? from.namespace().equals(NS)
                : PodTemplates.matches(peer.getNamespaceSelector(), from.namespaceLabels());
        boolean podOk = peer.getPodSelector() == null || PodTemplates.matches(peer.getPodSelector(), from.podLabels());
        return nsOk && podOk;
    }

    private static boolean portMatches(NetworkPolicyPort pp, int port) {
        if (pp.getPort() == null) {
            return true;
        }
        assertThat(pp.getPort().getIntVal()).as("policies name ports by number").isNotNull();
        int end = Optional.ofNullable(pp.getEndPort()).orElse(pp.getPort().getIntVal());
        return port >= pp.getPort().getIntVal() && port <= end
                && "TCP".equals(Optional.ofNullable(pp.getProtocol()).orElse("TCP"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyPodIsCoveredByADefaultDeny(String overlay) {
        Overlays.Overlay o = Overlays.get(overlay);
        for (PodTemplates.Workload w : PodTemplates.of(o)) {
            assertThat(admits(o, w.name(), 65000, STRANGER)).as(overlay + " " + w + " is closed by default").isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void extractionIsReachableOnlyFromIngest(String overlay) {
        Overlays.Overlay o = Overlays.get(overlay);
        assertThat(admits(o, "extraction-service", 8082, pod("ingest-service"))).isTrue();
        for (Client c : List.of(pod("query-service"), pod("postgres"), INGRESS_CONTROLLER, OTHER_NAMESPACE, STRANGER)) {
            assertThat(admits(o, "extraction-service", 8082, c)).as(overlay + ": extraction from " + c).isFalse();
        }
        assertThat(admits(o, "extraction-service", 8081, pod("ingest-service"))).as("other ports stay closed").isFalse();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void ingestIsReachableFromTheIngressOnly(String overlay) {
        Overlays.Overlay o = Overlays.get(overlay);
        assertThat(admits(o, "ingest-service", 8081, INGRESS_CONTROLLER)).isTrue();
        for (Client c : List.of(pod("query-service"), pod("extraction-service"), OTHER_NAMESPACE, STRANGER)) {
            assertThat(admits(o, "ingest-service", 8081, c)).as(overlay + ": ingest from " + c).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void queryIsReachableFromTheIngressAndFromIngest(String overlay) {
        Overlays.Overlay o = Overlays.get(overlay);
        assertThat(admits(o, "query-service", 8083, INGRESS_CONTROLLER)).isTrue();
        assertThat(admits(o, "query-service", 8083, pod("ingest-service"))).isTrue();
        for (Client c : List.of(pod("extraction-service"), OTHER_NAMESPACE, STRANGER)) {
            assertThat(admits(o, "query-service", 8083, c)).as(overlay + ": query from " + c).isFalse();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theInClusterDatabaseIsReachableOnlyFromItsOwners(String overlay) {
        Overlays.Overlay o = Overlays.get(overlay);
        if (PodTemplates.of(o).stream().noneMatch(w -> w.name().equals("postgres"))) {
            assertThat(overlay).as("only production runs without an in-cluster database").isEqualTo("production");
            return;
        }
        assertThat(admits(o, "postgres", 5432, pod("ingest-service"))).isTrue();
        assertThat(admits(o, "postgres", 5432, pod("query-service"))).isTrue();
        for (Client c : List.of(pod("extraction-service"), INGRESS_CONTROLLER, OTHER_NAMESPACE, STRANGER)) {
            assertThat(admits(o, "postgres", 5432, c)).as(overlay + ": postgres from " + c).isFalse();
        }
    }
}
