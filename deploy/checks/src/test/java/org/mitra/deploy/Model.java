package org.mitra.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;

/** One rendered overlay: its resources, and the pods they make (Deployments' and the operators'). */
record Model(String overlay, List<JsonNode> resources) {

    /** A pod: who makes it, its namespace and its labels. */
    record Pod(String owner, String namespace, Map<String, String> labels) {
    }

    static Model of(String overlay) {
        return new Model(overlay, Kustomize.overlay(overlay));
    }

    List<JsonNode> all(String kind) {
        return resources.stream().filter(r -> r.path("kind").asText().equals(kind)).toList();
    }

    Optional<JsonNode> find(String kind, String name) {
        return all(kind).stream().filter(r -> r.at("/metadata/name").asText().equals(name)).findFirst();
    }

    JsonNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(overlay + " renders no " + kind + " " + name));
    }

    /**
     * Pods outside the render that the NetworkPolicies name, with the namespace and labels their installations give
     * them (deploy/README.md, step 1): CloudNativePG's operator (cnpg-system, app.kubernetes.io/name=cloudnative-pg,
     * its release manifest's Deployment cnpg-controller-manager), the Keycloak operator (installed into mitra-keycloak,
     * app.kubernetes.io/name=keycloak-operator), Strimzi's cluster operator (installed into strimzi, its Deployment's
     * pods labelled name=strimzi-cluster-operator, strimzi.io/kind=cluster-operator) and the cluster DNS (kube-system,
     * k8s-app=kube-dns).
     */
    static final List<Pod> OUTSIDE = List.of(
            new Pod("CloudNativePG operator", "cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg")),
            new Pod("Keycloak operator", "mitra-keycloak", Map.of("app.kubernetes.io/name", "keycloak-operator")),
            new Pod("Strimzi operator", "strimzi", Map.of("name", "strimzi-cluster-operator", "strimzi.io/kind", "cluster-operator")),
            new Pod("DNS", "kube-system", Map.of("k8s-app", "kube-dns")));

    /**
     * The pods: each Deployment's template, and those the operators make from their resources, with the labels those
     * operators put on them (CloudNativePG cnpg.io/cluster; Strimzi strimzi.io/cluster, strimzi.io/kind, strimzi.io/name;
     * the Keycloak operator app=keycloak and app.kubernetes.io/instance, and app=keycloak-realm-import on its import job;
     * the Keycloak operator's own pod, app.kubernetes.io/name=keycloak-operator, installed in Keycloak's namespace), each
     * in the namespace of the resource that makes it.
     */
    List<Pod> pods() {
        List<Pod> pods = new ArrayList<>();
        for (JsonNode d : all("Deployment")) {
            pods.add(new Pod("Deployment " + name(d), namespace(d), strings(d.at("/spec/template/metadata/labels"))));
        }
        for (JsonNode c : all("Cluster")) {
            pods.add(new Pod("Cluster " + name(c), namespace(c), Map.of("cnpg.io/cluster", name(c))));
        }
        for (JsonNode k : all("Kafka")) {
            for (String component : List.of("kafka", "entity-operator")) {
                pods.add(new Pod("Kafka " + name(k) + " " + component, namespace(k), Map.of("strimzi.io/cluster", name(k),
                        "strimzi.io/kind", "Kafka", "strimzi.io/name", name(k) + "-" + component)));
            }
        }
        for (JsonNode k : all("Keycloak")) {
            // The operator itself runs in Keycloak's namespace (deploy/README.md, its kubernetes.yml).
            pods.add(new Pod("Keycloak operator", namespace(k), Map.of("app.kubernetes.io/name", "keycloak-operator")));
            pods.add(new Pod("Keycloak " + name(k), namespace(k), Map.of("app", "keycloak", "app.kubernetes.io/instance", name(k),
                    "app.kubernetes.io/managed-by", "keycloak-operator")));
        }
        for (JsonNode r : all("KeycloakRealmImport")) {
            pods.add(new Pod("KeycloakRealmImport " + name(r), namespace(r), Map.of("app", "keycloak-realm-import",
                    "app.kubernetes.io/instance", r.at("/spec/keycloakCRName").asText(), "app.kubernetes.io/managed-by", "keycloak-operator")));
        }
        return pods;
    }

    static String namespace(JsonNode resource) {
        return resource.at("/metadata/namespace").asText();
    }

    static String name(JsonNode resource) {
        return resource.at("/metadata/name").asText();
    }

    static Map<String, String> strings(JsonNode object) {
        Map<String, String> out = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }

    static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    /** Whether a Kubernetes label selector (matchLabels, matchExpressions; or a plain map) selects these labels. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        if (selector.isMissingNode() || selector.isNull()) {
            return false;
        }
        boolean structured = selector.has("matchLabels") || selector.has("matchExpressions");
        JsonNode match = structured ? selector.path("matchLabels") : selector;
        for (Map.Entry<String, String> e : strings(match).entrySet()) {
            if (!e.getValue().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        for (JsonNode expr : list(selector.path("matchExpressions"))) {
            String key = expr.path("key").asText();
            List<String> values = list(expr.path("values")).stream().map(JsonNode::asText).toList();
            boolean ok = switch (expr.path("operator").asText()) {
                case "In" -> labels.containsKey(key) && values.contains(labels.get(key));
                case "NotIn" -> !labels.containsKey(key) || !values.contains(labels.get(key));
                case "Exists" -> labels.containsKey(key);
                case "DoesNotExist" -> !labels.containsKey(key);
                default -> throw new AssertionError("unknown operator in " + expr);
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
