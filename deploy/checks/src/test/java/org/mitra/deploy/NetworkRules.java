package org.mitra.deploy;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the NetworkPolicies of one overlay allow, evaluated as Kubernetes does: a pod selected by no policy of a
 * direction is open in that direction; otherwise the union of the selecting policies' rules. Peers are named by the
 * pods' makers ("Deployment gateway", "Cluster referral-db", ...), "namespace X" for a namespace selector
 * (kubernetes.io/metadata.name), "ipBlock C", or "anyone".
 */
final class NetworkRules {
    private final Model model;

    NetworkRules(Model model) {
        this.model = model;
    }

    Set<String> ingressFrom(String owner, int port) {
        return peers(owner, "Ingress", "ingress", "from", port);
    }

    Set<String> egressTo(String owner) {
        return peers(owner, "Egress", "egress", "to", -1);
    }

    private Set<String> peers(String owner, String type, String rulesField, String peerField, int port) {
        Model.Pod pod = model.pods().stream().filter(p -> p.owner().equals(owner)).findFirst()
                .orElseThrow(() -> new AssertionError("no pod of " + owner));
        Set<String> out = new TreeSet<>();
        boolean isolated = false;
        for (JsonNode np : model.all("NetworkPolicy")) {
            if (!Model.selects(np.at("/spec/podSelector"), pod.labels())) {
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
                    if (peer.has("ipBlock")) {
                        out.add("ipBlock " + peer.at("/ipBlock/cidr").asText());
                    } else if (peer.has("namespaceSelector")) {
                        String ns = peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText();
                        out.add(ns.isEmpty() ? "namespace " + peer.path("namespaceSelector") : "namespace " + ns);
                    } else {
                        model.pods().stream().filter(p -> Model.selects(peer.path("podSelector"), p.labels()))
                                .forEach(p -> out.add(p.owner()));
                    }
                }
            }
        }
        if (!isolated) {
            out.add("anyone");
        }
        return out;
    }
}
