package org.mitra.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the NetworkPolicies of one overlay allow, evaluated as Kubernetes does: a policy selects pods of its own
 * namespace; a pod selected by no policy of a direction is open in that direction, otherwise the union of the selecting
 * policies' rules applies. A peer with a podSelector alone means pods of the policy's namespace; a namespaceSelector
 * means the namespaces whose kubernetes.io/metadata.name label it matches, and with a podSelector in the same entry
 * only those pods of them. Peers are named by the pods' makers ("Deployment gateway", "Cluster referral-db", the pods
 * of {@link Model#OUTSIDE} such as "CloudNativePG operator"), "namespace X" for every pod of namespace X,
 * "namespace X pods {selector}" for pods of a namespace outside the render that no known pod matches, "ipBlock C"
 * (with " except ..." when it has exceptions), or "anyone".
 */
final class NetworkRules {
    private final Model model;
    private final List<Model.Pod> pods;

    NetworkRules(Model model) {
        this.model = model;
        this.pods = new ArrayList<>(model.pods());
        this.pods.addAll(Model.OUTSIDE);
    }

    Set<String> ingressFrom(String owner, int port) {
        return peers(owner, "Ingress", "ingress", "from", port);
    }

    /** Who may connect to the pods of owner on any port. */
    Set<String> ingressFrom(String owner) {
        return peers(owner, "Ingress", "ingress", "from", -1);
    }

    Set<String> egressTo(String owner) {
        return peers(owner, "Egress", "egress", "to", -1);
    }

    /** Where the pods of owner may connect to on a port: egress rules whose ports allow it (or name no port). */
    Set<String> egressTo(String owner, int port) {
        return peers(owner, "Egress", "egress", "to", port);
    }

    /** The namespaces a peer's namespaceSelector matches, among those the render and the policies know. */
    private Set<String> namespaces(JsonNode namespaceSelector) {
        Set<String> known = new TreeSet<>();
        pods.forEach(p -> known.add(p.namespace()));
        for (JsonNode np : model.all("NetworkPolicy")) {
            collectNamespaceNames(np, known);
        }
        Set<String> out = new TreeSet<>();
        for (String ns : known) {
            if (namespaceSelector.isEmpty() || Model.selects(namespaceSelector, Map.of("kubernetes.io/metadata.name", ns))) {
                out.add(ns);
            }
        }
        return out;
    }

    private static void collectNamespaceNames(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            JsonNode name = node.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name");
            if (name.isTextual()) {
                out.add(name.asText());
            }
            node.elements().forEachRemaining(child -> collectNamespaceNames(child, out));
        } else if (node.isArray()) {
            node.forEach(child -> collectNamespaceNames(child, out));
        }
    }

    private Set<String> peers(String owner, String type, String rulesField, String peerField, int port) {
        Model.Pod pod = model.pods().stream().filter(p -> p.owner().equals(owner)).findFirst()
                .orElseThrow(() -> new AssertionError("no pod of " + owner));
        Set<String> out = new TreeSet<>();
        boolean isolated = false;
        for (JsonNode np : model.all("NetworkPolicy")) {
            if (!Model.namespace(np).equals(pod.namespace()) || !Model.selects(np.at("/spec/podSelector"), pod.labels())) {
                continue;
            }
            List<String> types = Model.list(np.at("/spec/policyTypes")).stream().map(JsonNode::asText).toList();
            if (!types.contains(type)) {
                continue;
            }
            isolated = true;
            for (JsonNode rule : Model.list(np.at("/spec/" + rulesField))) {
                if (port >= 0 && rule.has("ports")
                        && Model.list(rule.path("ports")).stream().noneMatch(p -> p.path("port").isInt() && p.path("port").asInt() == port)) {
                    continue;
                }
                if (!rule.has(peerField)) {
                    out.add("anyone");
                }
                for (JsonNode peer : Model.list(rule.path(peerField))) {
                    out.addAll(peer(peer, Model.namespace(np)));
                }
            }
        }
        if (!isolated) {
            out.add("anyone");
        }
        return out;
    }

    private Set<String> peer(JsonNode peer, String policyNamespace) {
        Set<String> out = new TreeSet<>();
        if (peer.has("ipBlock")) {
            List<String> except = Model.list(peer.at("/ipBlock/except")).stream().map(JsonNode::asText).toList();
            out.add("ipBlock " + peer.at("/ipBlock/cidr").asText() + (except.isEmpty() ? "" : " except " + String.join(",", except)));
            return out;
        }
        Set<String> namespaces = peer.has("namespaceSelector") ? namespaces(peer.path("namespaceSelector")) : Set.of(policyNamespace);
        JsonNode podSelector = peer.path("podSelector");
        boolean allPods = podSelector.isMissingNode() || podSelector.isEmpty();
        for (String ns : namespaces) {
            if (allPods) {
                out.add("namespace " + ns);
                continue;
            }
            List<String> matched = pods.stream().filter(p -> p.namespace().equals(ns) && Model.selects(podSelector, p.labels()))
                    .map(Model.Pod::owner).toList();
            boolean rendered = model.pods().stream().anyMatch(p -> p.namespace().equals(ns));
            if (matched.isEmpty() && !rendered) {
                out.add("namespace " + ns + " pods " + podSelector);
            }
            out.addAll(matched);
        }
        return out;
    }
}
