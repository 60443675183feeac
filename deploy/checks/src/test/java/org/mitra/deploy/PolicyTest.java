package org.mitra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The project's own rules for what kustomize renders, checked on every overlay. */
class PolicyTest {

    static Stream<String> overlays() {
        return Repository.overlays();
    }

    @Test
    void bothOverlaysExist() {
        assertThat(Repository.overlays().toList()).contains("dev", "production");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyOverlayRendersThePlatformIntoMitraAndKeycloakIntoANamespaceOfItsOwn(String overlay) {
        Model m = Model.of(overlay);
        assertThat(m.all("Deployment").stream().map(Model::name)).containsExactlyInAnyOrderElementsOf(ServiceConfig.MODULES);
        for (String kind : List.of("Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget", "HorizontalPodAutoscaler")) {
            assertThat(m.all(kind).stream().map(Model::name)).as(kind).containsExactlyInAnyOrderElementsOf(ServiceConfig.MODULES);
        }
        assertThat(m.all("Cluster").stream().map(Model::name))
                .containsExactlyInAnyOrder("directory-db", "referral-db", "referral-keys-db", "awareness-db", "keycloak-db");
        assertThat(m.all("Kafka")).hasSize(1);
        assertThat(m.all("Keycloak")).hasSize(1);
        assertThat(m.all("KeycloakRealmImport")).hasSize(1);
        // Keycloak's operator reads every Secret of its namespace and may create pods: Keycloak, its realm import, its
        // database and their policies live in mitra-keycloak, away from the vault's keyset and the services' credentials.
        Set<String> keycloakSide = new TreeSet<>(Set.of("Keycloak mitra-keycloak", "KeycloakRealmImport mitra-realm", "Cluster keycloak-db",
                "NetworkPolicy default-deny", "NetworkPolicy allow-dns", "NetworkPolicy keycloak", "NetworkPolicy keycloak-operator",
                "NetworkPolicy keycloak-db"));
        if (overlay.equals("production")) {
            keycloakSide.addAll(List.of("Ingress keycloak", "ScheduledBackup keycloak-db-nightly"));
        }
        Map<String, Set<String>> byNamespace = m.resources().stream().collect(Collectors.groupingBy(Model::namespace,
                Collectors.mapping(r -> r.path("kind").asText() + " " + Model.name(r), Collectors.toCollection(TreeSet::new))));
        assertThat(byNamespace.keySet()).containsExactlyInAnyOrder("mitra", RealmImports.KEYCLOAK_NAMESPACE);
        assertThat(byNamespace.get(RealmImports.KEYCLOAK_NAMESPACE)).isEqualTo(keycloakSide);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void noSecretValueIsInlined(String overlay) {
        Model m = Model.of(overlay);
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(m.all("Secret")).as("Secret resources (their values would be in the repository)").isEmpty();
        Pattern secretish = Pattern.compile("PASSWORD|SECRET|KEYSET|_KEY$|TOKEN|CREDENTIAL|JAAS");
        for (JsonNode d : m.all("Deployment")) {
            for (JsonNode c : containers(d)) {
                for (JsonNode env : Model.list(c.path("env"))) {
                    String name = env.path("name").asText();
                    if (secretish.matcher(name).find()) {
                        soft.assertThat(env.at("/valueFrom/secretKeyRef/name").asText())
                                .as("%s %s: %s must come from a Secret", Model.name(d), c.path("name").asText(), name).isNotEmpty();
                        soft.assertThat(env.has("value")).as("%s inlined", name).isFalse();
                    }
                }
            }
        }
        for (JsonNode cm : m.all("ConfigMap")) {
            soft.assertThat(Model.strings(cm.path("data")).keySet()).as("ConfigMap %s", Model.name(cm))
                    .noneMatch(k -> secretish.matcher(k).find());
        }
        // The realm's confidential clients' secrets are placeholders the operator fills from a Secret, never values.
        for (JsonNode realmImport : m.all("KeycloakRealmImport")) {
            for (JsonNode client : Model.list(realmImport.at("/spec/realm/clients"))) {
                if (client.has("secret")) {
                    String placeholder = client.path("secret").asText();
                    soft.assertThat(placeholder).matches("\\$\\{[A-Z0-9_]+}");
                    soft.assertThat(realmImport.at("/spec/placeholders/" + placeholder.substring(2, placeholder.length() - 1) + "/secret/name")
                            .asText()).isNotEmpty();
                }
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everySecretReferencedIsGeneratedByAnOperatorOrDocumentedInTheGuide(String overlay) {
        Model m = Model.of(overlay);
        Set<String> generated = new TreeSet<>();
        m.all("Cluster").forEach(c -> generated.add(Model.name(c) + "-app"));
        m.all("Keycloak").forEach(k -> generated.add(Model.name(k) + "-initial-admin"));
        // Strimzi: the cluster CA's public certificate, and a Secret per KafkaUser, named as the user.
        m.all("Kafka").forEach(k -> generated.add(Model.name(k) + "-cluster-ca-cert"));
        m.all("KafkaUser").forEach(u -> generated.add(Model.name(u)));
        Set<String> referenced = new TreeSet<>();
        for (JsonNode r : m.resources()) {
            collectSecretNames(r, referenced);
        }
        assertThat(referenced).as("Secrets referenced").isNotEmpty();
        String guide = Repository.read(Repository.ROOT.resolve("deploy/README.md"));
        for (String name : referenced) {
            assertThat(generated.contains(name) || guide.contains("`" + name + "`"))
                    .as("Secret %s (%s) is neither generated by an operator nor listed in deploy/README.md", name, overlay).isTrue();
        }
    }

    /** Names of Secrets a resource refers to: secretKeyRef, secretRef, passwordSecret, usernameSecret, tlsSecret, secretName, placeholders. */
    private static void collectSecretNames(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                String key = e.getKey();
                JsonNode v = e.getValue();
                if ((key.equals("secretKeyRef") || key.equals("secretRef") || key.equals("passwordSecret") || key.equals("usernameSecret")
                        || key.equals("secret")) && v.has("name")) {
                    out.add(v.path("name").asText());
                } else if ((key.equals("tlsSecret") || key.equals("secretName")) && v.isTextual()) {
                    out.add(v.asText());
                }
                collectSecretNames(v, out);
            });
        } else if (node.isArray()) {
            node.forEach(n -> collectSecretNames(n, out));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void imagesAreTheFourServicesWithOneRegistryAndTheProjectVersion(String overlay) {
        Model m = Model.of(overlay);
        Set<String> registries = new TreeSet<>();
        Set<String> tags = new TreeSet<>();
        for (JsonNode d : m.all("Deployment")) {
            for (JsonNode c : containers(d)) {
                String image = c.path("image").asText();
                Matcher parts = Pattern.compile("(.*/)?mitra/([a-z-]+):([^:/@]+)").matcher(image);
                assertThat(parts.matches()).as(image).isTrue();
                assertThat(parts.group(2)).as("image of Deployment %s", Model.name(d)).isEqualTo(Model.name(d));
                registries.add(parts.group(1) == null ? "" : parts.group(1));
                tags.add(parts.group(3));
            }
        }
        assertThat(registries).as("one registry for all images").hasSize(1);
        assertThat(tags).as("one tag for all images").containsExactly(Repository.projectVersion());
        assertThat(Kustomize.render("base").stream().filter(r -> r.path("kind").asText().equals("Deployment"))
                .flatMap(d -> containers(d).stream()).map(c -> c.path("image").asText()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(ServiceConfig.MODULES.stream().map(s -> "mitra/" + s + ":" + Repository.projectVersion()).toList());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyDeploymentHasProbesResourcesAndTheSecurityContext(String overlay) {
        Model m = Model.of(overlay);
        Map<String, String[]> bench = benchMemory();
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode d : m.all("Deployment")) {
            String name = Model.name(d);
            ServiceConfig config = ServiceConfig.of(name);
            JsonNode pod = d.at("/spec/template/spec");
            soft.assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).as("%s automount", name).isFalse();
            JsonNode account = m.get("ServiceAccount", pod.path("serviceAccountName").asText());
            soft.assertThat(account.path("automountServiceAccountToken").asBoolean(true)).as("%s account automount", name).isFalse();
            JsonNode psc = pod.path("securityContext");
            soft.assertThat(psc.path("runAsNonRoot").asBoolean()).as("%s pod runAsNonRoot", name).isTrue();
            soft.assertThat(psc.path("runAsUser").asInt()).as("%s pod runAsUser", name).isEqualTo(185);
            soft.assertThat(psc.at("/seccompProfile/type").asText()).as("%s pod seccomp", name).isEqualTo("RuntimeDefault");
            Set<String> tmpVolumes = Model.list(pod.path("volumes")).stream().filter(v -> v.has("emptyDir"))
                    .map(v -> v.path("name").asText()).collect(Collectors.toSet());
            for (JsonNode c : containers(d)) {
                String cn = name + "/" + c.path("name").asText();
                JsonNode sc = c.path("securityContext");
                soft.assertThat(sc.path("runAsNonRoot").asBoolean()).as("%s runAsNonRoot", cn).isTrue();
                soft.assertThat(sc.path("runAsUser").asInt()).as("%s runAsUser", cn).isEqualTo(185);
                soft.assertThat(sc.path("readOnlyRootFilesystem").asBoolean()).as("%s readOnlyRootFilesystem", cn).isTrue();
                soft.assertThat(sc.path("allowPrivilegeEscalation").asBoolean(true)).as("%s allowPrivilegeEscalation", cn).isFalse();
                soft.assertThat(Model.list(sc.at("/capabilities/drop")).stream().map(JsonNode::asText).toList()).as("%s drop", cn)
                        .containsExactly("ALL");
                soft.assertThat(sc.has("capabilities") && sc.path("capabilities").has("add")).as("%s adds capabilities", cn).isFalse();
                soft.assertThat(sc.at("/seccompProfile/type").asText()).as("%s seccomp", cn).isEqualTo("RuntimeDefault");
                soft.assertThat(Model.list(c.path("volumeMounts")).stream()
                        .anyMatch(v -> v.path("mountPath").asText().equals("/tmp") && tmpVolumes.contains(v.path("name").asText())))
                        .as("%s has an emptyDir on /tmp", cn).isTrue();
                for (String r : List.of("requests", "limits")) {
                    for (String q : List.of("cpu", "memory")) {
                        soft.assertThat(c.at("/resources/" + r + "/" + q).asText()).as("%s %s.%s", cn, r, q).isNotEmpty();
                    }
                }
                // Memory as bench/RESULTS.md "6. Scale-out on paper" sizes it.
                soft.assertThat(c.at("/resources/requests/memory").asText()).as("%s memory request", cn).isEqualTo(bench.get(name)[0]);
                soft.assertThat(c.at("/resources/limits/memory").asText()).as("%s memory limit", cn).isEqualTo(bench.get(name)[1]);
            }
            JsonNode main = mainContainer(d);
            Map<String, Integer> ports = new LinkedHashMap<>();
            Model.list(main.path("ports")).forEach(p -> ports.put(p.path("name").asText(), p.path("containerPort").asInt()));
            soft.assertThat(ports).as("%s ports", name).containsEntry("http", config.httpPort()).containsEntry("management", config.managementPort());
            soft.assertThat(config.hasHealthExtension()).as("%s has quarkus-smallrye-health", name).isTrue();
            soft.assertThat(config.healthOnManagementPort()).as("%s serves health on its main port", name).isFalse();
            Map<String, String> probes = Map.of("startupProbe", "/started", "livenessProbe", "/live", "readinessProbe", "/ready");
            probes.forEach((probe, path) -> {
                JsonNode get = main.path(probe).path("httpGet");
                soft.assertThat(get.path("path").asText()).as("%s %s", name, probe).isEqualTo(config.healthPath() + path);
                String port = get.path("port").asText();
                soft.assertThat(ports.containsKey(port) ? ports.get(port) : port.matches("[0-9]+") ? Integer.valueOf(port) : null)
                        .as("%s %s port", name, probe)
                        .isEqualTo(config.httpPort());
            });
            // The budget and the autoscaler are this Deployment's.
            Map<String, String> podLabels = Model.strings(d.at("/spec/template/metadata/labels"));
            soft.assertThat(Model.selects(m.get("PodDisruptionBudget", name).at("/spec/selector"), podLabels)).as("%s PDB", name).isTrue();
            JsonNode hpa = m.get("HorizontalPodAutoscaler", name);
            soft.assertThat(hpa.path("apiVersion").asText()).isEqualTo("autoscaling/v2");
            soft.assertThat(hpa.at("/spec/scaleTargetRef/kind").asText() + "/" + hpa.at("/spec/scaleTargetRef/name").asText())
                    .isEqualTo("Deployment/" + name);
            soft.assertThat(hpa.at("/spec/minReplicas").asInt()).isLessThanOrEqualTo(hpa.at("/spec/maxReplicas").asInt());
            if (overlay.equals("production")) {
                soft.assertThat(hpa.at("/spec/minReplicas").asInt()).as("%s replicas (bench: never fewer than 2)", name).isGreaterThanOrEqualTo(2);
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyServiceSelectsADeploymentsPodsAndPort(String overlay) {
        Model m = Model.of(overlay);
        for (JsonNode s : m.all("Service")) {
            List<JsonNode> selected = m.all("Deployment").stream()
                    .filter(d -> Model.selects(s.at("/spec/selector"), Model.strings(d.at("/spec/template/metadata/labels")))).toList();
            assertThat(selected).as("Deployments selected by Service %s", Model.name(s)).hasSize(1);
            JsonNode main = mainContainer(selected.get(0));
            Set<String> names = Model.list(main.path("ports")).stream().map(p -> p.path("name").asText()).collect(Collectors.toSet());
            Set<Integer> numbers = Model.list(main.path("ports")).stream().map(p -> p.path("containerPort").asInt()).collect(Collectors.toSet());
            for (JsonNode port : Model.list(s.at("/spec/ports"))) {
                JsonNode target = port.path("targetPort");
                assertThat(target.isInt() ? numbers.contains(target.asInt()) : names.contains(target.asText()))
                        .as("Service %s targetPort %s", Model.name(s), target).isTrue();
                assertThat(port.path("port").asInt()).as("Service %s port is the service's own", Model.name(s))
                        .isEqualTo(ServiceConfig.of(Model.name(selected.get(0))).httpPort());
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyNetworkPolicyAndEveryPeerSelectsPods(String overlay) {
        Model m = Model.of(overlay);
        List<Model.Pod> pods = m.pods();
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode np : m.all("NetworkPolicy")) {
            List<Model.Pod> own = pods.stream().filter(p -> p.namespace().equals(Model.namespace(np))).toList();
            soft.assertThat(own.stream().filter(p -> Model.selects(np.at("/spec/podSelector"), p.labels())).toList())
                    .as("pods NetworkPolicy %s selects", Model.name(np)).isNotEmpty();
            for (String direction : List.of("ingress", "egress")) {
                for (JsonNode rule : Model.list(np.at("/spec/" + direction))) {
                    for (JsonNode peer : Model.list(rule.path(direction.equals("ingress") ? "from" : "to"))) {
                        if (peer.has("podSelector") && !peer.has("namespaceSelector")) {
                            soft.assertThat(own.stream().filter(p -> Model.selects(peer.path("podSelector"), p.labels())).toList())
                                    .as("pods a peer of NetworkPolicy %s selects: %s", Model.name(np), peer).isNotEmpty();
                        } else if (peer.has("podSelector") && !peer.path("podSelector").isEmpty()) {
                            // A namespace and pods in one peer: pods of the render or known outside it (Model.OUTSIDE).
                            String ns = peer.at("/namespaceSelector/matchLabels/kubernetes.io~1metadata.name").asText();
                            soft.assertThat(Stream.concat(pods.stream(), Model.OUTSIDE.stream())
                                            .filter(p -> p.namespace().equals(ns) && Model.selects(peer.path("podSelector"), p.labels())).toList())
                                    .as("pods a peer of NetworkPolicy %s selects: %s", Model.name(np), peer).isNotEmpty();
                        }
                    }
                }
            }
        }
        soft.assertThat(m.all("NetworkPolicy").stream().filter(np -> np.at("/spec/podSelector").isEmpty()
                && Model.list(np.at("/spec/policyTypes")).size() == 2 && !np.at("/spec").has("ingress") && !np.at("/spec").has("egress"))
                .map(Model::namespace)).as("a default-deny policy (all pods, Ingress and Egress, no rule) in each namespace")
                .containsExactlyInAnyOrder("mitra", RealmImports.KEYCLOAK_NAMESPACE);
        soft.assertAll();
    }

    static final String WEBHOOK_ENDPOINTS_V4 = "ipBlock 0.0.0.0/0 except 0.0.0.0/8,10.0.0.0/8,100.64.0.0/10,127.0.0.0/8,"
            + "169.254.0.0/16,172.16.0.0/12,192.168.0.0/16";
    static final String WEBHOOK_ENDPOINTS_V6 = "ipBlock ::/0 except ::1/128,fc00::/7,fe80::/10";

    @ParameterizedTest
    @MethodSource("overlays")
    void theServicesAreReachedOnlyFromTheGatewayAndReachOnlyTheirOwnDatabases(String overlay) {
        NetworkRules rules = new NetworkRules(Model.of(overlay));
        Map<String, Set<String>> databases = Map.of("directory-service", Set.of("Cluster directory-db"),
                "referral-service", Set.of("Cluster referral-db", "Cluster referral-keys-db"),
                "awareness-service", Set.of("Cluster awareness-db"), "gateway", Set.of());
        for (String module : ServiceConfig.MODULES) {
            String self = "Deployment " + module;
            int port = ServiceConfig.of(module).httpPort();
            Set<String> from = rules.ingressFrom(self, port);
            if (module.equals("gateway")) {
                assertThat(from).as("who reaches the gateway").containsExactly("namespace ingress-nginx");
            } else {
                assertThat(from).as("who reaches %s", module).containsExactly("Deployment gateway");
            }
            assertThat(rules.ingressFrom(self, ServiceConfig.of(module).managementPort())).as("who reaches %s's metrics", module)
                    .containsExactly("namespace monitoring");
            Set<String> to = rules.egressTo(self);
            assertThat(to.stream().filter(t -> t.startsWith("Cluster ")).collect(Collectors.toSet())).as("databases %s reaches", module)
                    .isEqualTo(databases.get(module));
            Set<String> expected = new TreeSet<>(databases.get(module));
            expected.add("Keycloak mitra-keycloak");
            expected.add("DNS");
            if (module.equals("gateway")) {
                expected.addAll(List.of("Deployment directory-service", "Deployment referral-service", "Deployment awareness-service"));
            } else {
                expected.addAll(List.of("Kafka mitra kafka", "Kafka mitra entity-operator"));
            }
            if (module.equals("referral-service")) {
                // Its webhooks' subscribers: public addresses only (no private, loopback, link-local or metadata range).
                expected.addAll(List.of(WEBHOOK_ENDPOINTS_V4, WEBHOOK_ENDPOINTS_V6));
                assertThat(rules.egressTo(self, 443)).as("webhook endpoints on https").contains(WEBHOOK_ENDPOINTS_V4, WEBHOOK_ENDPOINTS_V6);
                for (int other : new int[] {80, 8080, 8443, 22, 25}) {
                    assertThat(rules.egressTo(self, other)).as("webhook endpoints on port %d", other)
                            .doesNotContain(WEBHOOK_ENDPOINTS_V4, WEBHOOK_ENDPOINTS_V6);
                }
            }
            assertThat(to).as("everything %s reaches", module).isEqualTo(expected);
        }
        // Each database cluster is reached by its own service only (besides its instances and CloudNativePG).
        assertThat(rules.ingressFrom("Cluster referral-keys-db", 5432)).containsExactlyInAnyOrder("Deployment referral-service",
                "Cluster referral-keys-db", "CloudNativePG operator");
        assertThat(rules.ingressFrom("Cluster keycloak-db", 5432)).containsExactlyInAnyOrder("Keycloak mitra-keycloak",
                "KeycloakRealmImport mitra-realm", "Cluster keycloak-db", "CloudNativePG operator");
    }

    /**
     * Keycloak's namespace and the platform's meet only where they must: the gateway and the services reach Keycloak's
     * HTTP port, and nothing of mitra-keycloak reaches a pod of mitra. The Keycloak operator, which reads every Secret
     * of its namespace, runs where none of the services' Secrets are.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void keycloaksNamespaceMeetsTheServicesOnlyOnKeycloaksHttpPort(String overlay) {
        Model m = Model.of(overlay);
        NetworkRules rules = new NetworkRules(m);
        String keycloakNamespace = RealmImports.KEYCLOAK_NAMESPACE;
        Set<String> keycloakSide = m.pods().stream().filter(p -> p.namespace().equals(keycloakNamespace)).map(Model.Pod::owner)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(keycloakSide).containsExactlyInAnyOrder("Keycloak operator", "Keycloak mitra-keycloak", "KeycloakRealmImport mitra-realm",
                "Cluster keycloak-db");
        assertThat(rules.ingressFrom("Keycloak mitra-keycloak", 8080)).containsExactlyInAnyOrder("namespace ingress-nginx",
                "Deployment gateway", "Deployment directory-service", "Deployment referral-service", "Deployment awareness-service");
        assertThat(rules.ingressFrom("Keycloak operator")).isEmpty();
        for (Model.Pod pod : m.pods()) {
            boolean platform = pod.namespace().equals("mitra");
            Set<String> reached = new TreeSet<>(rules.egressTo(pod.owner()));
            Set<String> reaching = new TreeSet<>(rules.ingressFrom(pod.owner()));
            if (platform) {
                reached.retainAll(keycloakSide);
                assertThat(reached).as("what of %s %s reaches", keycloakNamespace, pod.owner())
                        .isSubsetOf("Keycloak mitra-keycloak");
                assertThat(rules.egressTo(pod.owner())).as("%s reaches all of a namespace", pod.owner())
                        .doesNotContain("namespace " + keycloakNamespace, "anyone");
                reaching.retainAll(keycloakSide);
                assertThat(reaching).as("what of %s reaches %s", keycloakNamespace, pod.owner()).isEmpty();
                assertThat(rules.ingressFrom(pod.owner())).doesNotContain("namespace " + keycloakNamespace, "anyone");
            }
        }
        // The Secrets the platform's pods read are not in the namespace the Keycloak operator may read.
        Set<String> secretNamespaces = m.all("Deployment").stream().filter(d -> containers(d).stream()
                        .anyMatch(c -> Model.list(c.path("env")).stream().anyMatch(e -> e.at("/valueFrom/secretKeyRef").isObject())))
                .map(Model::namespace).collect(Collectors.toSet());
        assertThat(secretNamespaces).containsExactly("mitra").doesNotContain(
                m.pods().stream().filter(p -> p.owner().equals("Keycloak operator")).findFirst().orElseThrow().namespace());
    }

    /**
     * The key store is never archived, so its pods reach only their replication peers, DNS and the Kubernetes API
     * server, on the API's ports, at the address the overlay names: no pod of it reaches 0.0.0.0/0 on any port.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void theKeyStoreReachesOnlyItsPeersDnsAndTheApiServer(String overlay) {
        reachesOnlyDnsTheApiServerAnd(overlay, "Cluster referral-keys-db", "Cluster referral-keys-db");
    }

    /**
     * The Keycloak operator reads every Secret of mitra-keycloak (the realm's, keycloak-db's): like the key store, it
     * reaches DNS and the Kubernetes API server's addresses and nothing else (it reached any address on 443/6443).
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void theKeycloakOperatorReachesOnlyDnsAndTheApiServer(String overlay) {
        reachesOnlyDnsTheApiServerAnd(overlay, "Keycloak operator");
        // One API server: the overlay's two patches name the same addresses, so replacing one and not the other fails.
        NetworkRules rules = new NetworkRules(Model.of(overlay));
        assertThat(ipBlocks(rules, "Keycloak operator")).isEqualTo(ipBlocks(rules, "Cluster referral-keys-db"));
    }

    private static Set<String> ipBlocks(NetworkRules rules, String pod) {
        return rules.egressTo(pod).stream().filter(p -> p.startsWith("ipBlock ")).collect(Collectors.toCollection(TreeSet::new));
    }

    private static void reachesOnlyDnsTheApiServerAnd(String overlay, String pod, String... peers) {
        NetworkRules rules = new NetworkRules(Model.of(overlay));
        Set<String> to = rules.egressTo(pod);
        Set<String> blocks = to.stream().filter(p -> p.startsWith("ipBlock ")).collect(Collectors.toCollection(TreeSet::new));
        Set<String> expected = new TreeSet<>(blocks);
        expected.add("DNS");
        expected.addAll(List.of(peers));
        assertThat(to).as("everything %s reaches", pod).isEqualTo(expected);
        assertThat(blocks).as("the API server's addresses").isNotEmpty().allSatisfy(block -> {
            Matcher cidr = Pattern.compile("ipBlock [0-9.]+/([0-9]+)").matcher(block);
            assertThat(cidr.matches()).as(block).isTrue();
            // A private range at most (dev's laptop clusters); production names its API server (/24 or narrower).
            assertThat(Integer.parseInt(cidr.group(1))).as(block).isGreaterThanOrEqualTo(overlay.equals("production") ? 24 : 8);
        });
        assertThat(blocks).as("the base's placeholder, which reaches nothing, is replaced").doesNotContain("ipBlock 192.0.2.1/32");
        for (int port : List.of(443, 6443)) {
            assertThat(rules.egressTo(pod, port)).as("port %d", port).containsAll(blocks);
        }
        for (int port : List.of(5432, 8000, 80, 53, 9093, 8080)) {
            assertThat(rules.egressTo(pod, port)).as("port %d", port).noneMatch(p -> p.startsWith("ipBlock "));
        }
    }

    /** Each database admits CloudNativePG's operator pods from its namespace, not every pod of cnpg-system. */
    @ParameterizedTest
    @MethodSource("overlays")
    void everyDatabaseAdmitsCloudNativePgsOperatorNotItsWholeNamespace(String overlay) {
        Model m = Model.of(overlay);
        NetworkRules rules = new NetworkRules(m);
        for (JsonNode cluster : m.all("Cluster")) {
            for (int port : List.of(5432, 8000)) {
                assertThat(rules.ingressFrom("Cluster " + Model.name(cluster), port)).as("%s port %d", Model.name(cluster), port)
                        .contains("CloudNativePG operator").doesNotContain("anyone").noneMatch(p -> p.startsWith("namespace "));
            }
        }
    }

    /** Kafka's client port: the three services, Kafka's own pods and Strimzi's operator pods (not its namespace), nobody else. */
    @ParameterizedTest
    @MethodSource("overlays")
    void onlyTheThreeServicesAndKafkaItselfReachKafka(String overlay) {
        Model m = Model.of(overlay);
        NetworkRules rules = new NetworkRules(m);
        JsonNode kafka = m.all("Kafka").get(0);
        for (JsonNode listener : Model.list(kafka.at("/spec/kafka/listeners"))) {
            assertThat(rules.ingressFrom("Kafka " + Model.name(kafka) + " kafka", listener.path("port").asInt()))
                    .containsExactlyInAnyOrder("Deployment directory-service", "Deployment referral-service", "Deployment awareness-service",
                            "Kafka mitra kafka", "Kafka mitra entity-operator", "Strimzi operator");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyEnvironmentVariableIsOneTheServiceReadsAndEveryRequiredOneIsSet(String overlay) {
        Model m = Model.of(overlay);
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode d : m.all("Deployment")) {
            ServiceConfig config = ServiceConfig.of(Model.name(d));
            Set<String> known = config.variables();
            for (JsonNode c : containers(d)) {
                boolean init = Model.list(d.at("/spec/template/spec/initContainers")).contains(c);
                Set<String> names = variables(m, c);
                for (String name : names) {
                    boolean ok = known.contains(name) || (init && ServiceConfig.QUARKUS_SWITCHES.contains(name));
                    soft.assertThat(ok).as("%s/%s sets %s, which %s does not read", Model.name(d), c.path("name").asText(), name,
                            config.module()).isTrue();
                }
                if (!init) {
                    soft.assertThat(names).as("%s sets every variable its properties require", Model.name(d))
                            .containsAll(config.requiredVariables());
                }
            }
        }
        soft.assertAll();
    }

    /**
     * Kafka lets no client in without signing in, over TLS, and refuses what the ACLs do not allow; each service signs
     * in as a KafkaUser of its own, whose ACLs name topics and groups one by one (KafkaAclTest runs them on a broker).
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void eachServiceSignsInToKafkaAsItsOwnUserWithAclsNamingEachTopicAndGroup(String overlay) {
        Model m = Model.of(overlay);
        JsonNode kafka = m.all("Kafka").get(0);
        SoftAssertions soft = new SoftAssertions();
        for (JsonNode listener : Model.list(kafka.at("/spec/kafka/listeners"))) {
            soft.assertThat(listener.path("tls").asBoolean()).as("listener %s TLS", listener.path("name").asText()).isTrue();
            soft.assertThat(listener.at("/authentication/type").asText()).as("listener %s authentication", listener.path("name").asText())
                    .isEqualTo("scram-sha-512");
        }
        soft.assertThat(kafka.at("/spec/kafka/authorization/type").asText()).isEqualTo("simple");
        soft.assertThat(kafka.at("/spec/entityOperator/userOperator").isObject()).as("the User Operator").isTrue();
        List<String> clients = m.all("Deployment").stream().filter(d -> values(m, mainContainer(d)).containsKey("KAFKA_BOOTSTRAP_SERVERS"))
                .map(Model::name).toList();
        soft.assertThat(clients).containsExactlyInAnyOrder("directory-service", "referral-service", "awareness-service");
        soft.assertThat(m.all("KafkaUser").stream().map(Model::name)).containsExactlyInAnyOrderElementsOf(clients);
        for (String client : clients) {
            JsonNode deployment = m.get("Deployment", client);
            soft.assertThat(secretOf(mainContainer(deployment), "KAFKA_SASL_JAAS_CONFIG")).as("%s signs in as", client).isEqualTo(client);
            // The migrations' init container makes no Kafka client, so it holds no Kafka password.
            for (JsonNode init : Model.list(deployment.at("/spec/template/spec/initContainers"))) {
                soft.assertThat(secretOf(init, "KAFKA_SASL_JAAS_CONFIG")).as("%s/%s", client, init.path("name").asText()).isEmpty();
            }
        }
        for (JsonNode user : m.all("KafkaUser")) {
            soft.assertThat(user.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(Model.name(kafka));
            for (JsonNode acl : Model.list(user.at("/spec/authorization/acls"))) {
                String what = Model.name(user) + " " + acl.path("resource");
                soft.assertThat(acl.at("/resource/type").asText()).as(what).isIn("topic", "group");
                soft.assertThat(acl.at("/resource/patternType").asText("literal")).as(what).isEqualTo("literal");
                soft.assertThat(acl.at("/resource/name").asText()).as(what).doesNotContain("*");
                soft.assertThat(acl.path("type").asText("allow")).as(what).isEqualTo("allow");
                soft.assertThat(Model.list(acl.path("operations")).stream().map(JsonNode::asText)).as(what)
                        .isSubsetOf("Read", "Write", "Describe");
            }
        }
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theServicesPointAtTheRenderedDatabasesKafkaAndKeycloak(String overlay) {
        Model m = Model.of(overlay);
        SoftAssertions soft = new SoftAssertions();
        JsonNode kafka = m.all("Kafka").get(0);
        String bootstrap = Model.name(kafka) + "-kafka-bootstrap:" + kafka.at("/spec/kafka/listeners/0/port").asInt();
        JsonNode keycloak = m.all("Keycloak").get(0);
        // Across namespaces: Keycloak's Service in its own namespace.
        String oidc = "http://" + Model.name(keycloak) + "-service." + Model.namespace(keycloak) + ".svc:8080/realms/"
                + m.all("KeycloakRealmImport").get(0).at("/spec/realm/realm").asText();
        soft.assertThat(keycloak.at("/spec/http/httpEnabled").asBoolean()).as("Keycloak's in-cluster HTTP port").isTrue();
        for (JsonNode d : m.all("Deployment")) {
            String name = Model.name(d);
            Map<String, String> env = values(m, mainContainer(d));
            soft.assertThat(env.get("QUARKUS_OIDC_AUTH_SERVER_URL")).as("%s OIDC", name).isEqualTo(oidc);
            if (name.equals("gateway")) {
                for (String routed : List.of("directory-service", "referral-service", "awareness-service")) {
                    String variable = "MITRA_" + routed.replace("-service", "").toUpperCase() + "_URL";
                    soft.assertThat(env.get(variable)).as("gateway %s", variable)
                            .isEqualTo("http://" + routed + ":" + ServiceConfig.of(routed).httpPort());
                }
                continue;
            }
            soft.assertThat(env.get("KAFKA_BOOTSTRAP_SERVERS")).as("%s Kafka", name).isEqualTo(bootstrap);
            for (String datasource : List.of("", "KEYSTORE_")) {
                String url = env.get("QUARKUS_DATASOURCE_" + datasource + "JDBC_URL");
                if (url == null) {
                    continue;
                }
                Matcher jdbc = Pattern.compile("jdbc:postgresql://([a-z0-9-]+)-rw:5432/([a-z_]+)").matcher(url);
                soft.assertThat(jdbc.matches()).as("%s %s", name, url).isTrue();
                if (!jdbc.matches()) {
                    continue;
                }
                JsonNode cluster = m.get("Cluster", jdbc.group(1));
                soft.assertThat(cluster.at("/spec/bootstrap/initdb/database").asText()).as("%s database", url).isEqualTo(jdbc.group(2));
                String user = secretOf(mainContainer(d), "QUARKUS_DATASOURCE_" + datasource + "USERNAME");
                String owner = cluster.at("/spec/bootstrap/initdb/owner").asText();
                if (user.equals(jdbc.group(1) + "-app")) {
                    // The owner's generated Secret: the database's owner role.
                    String configured = config(name).properties()
                            .getOrDefault(datasource.isEmpty() ? "quarkus.datasource.username" : "quarkus.datasource.keystore.username", owner);
                    if (!configured.startsWith("${")) {
                        soft.assertThat(owner).as("%s owner", url).isEqualTo(configured);
                    }
                } else {
                    // Another role of the cluster, managed by CloudNativePG with the same Secret as its password.
                    // Its name is the configured user where application.properties names one (the key store's comes
                    // from the environment only); never the owner.
                    String configured = config(name).properties()
                            .getOrDefault(datasource.isEmpty() ? "quarkus.datasource.username" : "quarkus.datasource.keystore.username", "");
                    soft.assertThat(Model.list(cluster.at("/spec/managed/roles")).stream()
                            .filter(r -> r.at("/passwordSecret/name").asText().equals(user)).toList()).as("%s managed role with Secret %s", url, user)
                            .singleElement().satisfies(r -> {
                                assertThat(r.path("name").asText()).isNotEqualTo(owner);
                                assertThat(r.path("superuser").asBoolean()).isFalse();
                                if (!configured.isEmpty() && !configured.startsWith("${")) {
                                    assertThat(r.path("name").asText()).isEqualTo(configured);
                                }
                            });
                }
            }
        }
        // referral-service's migrations run as the referral database's owner, in the init container only.
        JsonNode referral = m.get("Deployment", "referral-service");
        soft.assertThat(secretOf(Model.list(referral.at("/spec/template/spec/initContainers")).get(0), "QUARKUS_FLYWAY_USERNAME"))
                .isEqualTo("referral-db-app");
        soft.assertThat(variables(m, mainContainer(referral))).doesNotContain("QUARKUS_FLYWAY_USERNAME", "QUARKUS_FLYWAY_PASSWORD");
        soft.assertThat(values(m, mainContainer(referral)).get("QUARKUS_FLYWAY_MIGRATE_AT_START")).isEqualTo("false");
        soft.assertThat(m.get("Cluster", "referral-db").at("/spec/bootstrap/initdb/owner").asText()).isEqualTo("referral_owner");
        // The key store likewise: its owner referral_keys migrates it in the init container; the service signs in as
        // a managed role that owns nothing, so it cannot rewrite the shred ledger.
        JsonNode migrate = Model.list(referral.at("/spec/template/spec/initContainers")).get(0);
        soft.assertThat(secretOf(migrate, "QUARKUS_FLYWAY_KEYSTORE_USERNAME")).isEqualTo("referral-keys-db-app");
        soft.assertThat(secretOf(mainContainer(referral), "QUARKUS_DATASOURCE_KEYSTORE_USERNAME")).isNotEqualTo("referral-keys-db-app");
        soft.assertThat(variables(m, mainContainer(referral)))
                .doesNotContain("QUARKUS_FLYWAY_KEYSTORE_USERNAME", "QUARKUS_FLYWAY_KEYSTORE_PASSWORD");
        soft.assertThat(values(m, mainContainer(referral)).get("QUARKUS_FLYWAY_KEYSTORE_MIGRATE_AT_START")).isEqualTo("false");
        soft.assertThat(m.get("Keycloak", "mitra-keycloak").at("/spec/db/host").asText()).isEqualTo("keycloak-db-rw");
        soft.assertThat(m.get("Keycloak", "mitra-keycloak").at("/spec/db/usernameSecret/name").asText()).isEqualTo("keycloak-db-app");
        soft.assertAll();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaHasEveryTopicOfLibsEvents(String overlay) {
        Model m = Model.of(overlay);
        Map<String, Boolean> topics = topicsOfLibsEvents();
        assertThat(m.all("KafkaTopic").stream().map(Model::name)).containsExactlyInAnyOrderElementsOf(topics.keySet());
        for (JsonNode t : m.all("KafkaTopic")) {
            boolean compacted = topics.get(Model.name(t));
            assertThat(t.at("/spec/partitions").asInt()).isEqualTo(3);
            assertThat(t.at("/spec/replicas").asInt()).isEqualTo(3);
            assertThat(t.at("/spec/config/cleanup.policy").asText()).as(Model.name(t)).isEqualTo(compacted ? "compact" : "delete");
            if (!compacted) {
                assertThat(t.at("/spec/config/retention.ms").asLong()).as("%s retention", Model.name(t)).isPositive();
            }
            assertThat(t.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("mitra");
        }
        // Every topic a service consumes or dead-letters to is one of them.
        for (String module : ServiceConfig.MODULES) {
            ServiceConfig.of(module).properties().forEach((k, v) -> {
                if (k.startsWith("mp.messaging.") && k.endsWith(".topic")) {
                    assertThat(topics).as("%s: %s", module, k).containsKey(v);
                }
            });
        }
        JsonNode kafka = m.all("Kafka").get(0);
        assertThat(kafka.at("/spec/kafka/config/min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(kafka.at("/spec/kafka/config/default.replication.factor").asInt()).isEqualTo(3);
        int nodes = 0;
        Set<String> roles = new HashSet<>();
        for (JsonNode pool : m.all("KafkaNodePool")) {
            assertThat(pool.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo(Model.name(kafka));
            Model.list(pool.at("/spec/roles")).forEach(r -> roles.add(r.asText()));
            if (Model.list(pool.at("/spec/roles")).stream().anyMatch(r -> r.asText().equals("broker"))) {
                nodes += pool.at("/spec/replicas").asInt();
            }
        }
        assertThat(nodes).as("brokers").isEqualTo(3);
        assertThat(roles).containsExactlyInAnyOrder("controller", "broker");
        if (overlay.equals("production")) {
            assertThat(kafka.at("/spec/kafka/rack/topologyKey").asText()).isEqualTo("topology.kubernetes.io/zone");
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void databasesAndBackupsFollowTheKeyStoresCustodyRule(String overlay) {
        Model m = Model.of(overlay);
        boolean production = overlay.equals("production");
        for (JsonNode c : m.all("Cluster")) {
            assertThat(c.at("/spec/instances").asInt()).as(Model.name(c)).isEqualTo(production ? 3 : 1);
        }
        Set<String> backedUp = m.all("ScheduledBackup").stream().map(b -> b.at("/spec/cluster/name").asText()).collect(Collectors.toSet());
        for (JsonNode b : m.all("ScheduledBackup")) {
            assertThat(b.at("/spec/method").asText()).isEqualTo("plugin");
            assertThat(b.at("/spec/pluginConfiguration/name").asText()).isEqualTo("barman-cloud.cloudnative-pg.io");
            JsonNode cluster = m.get("Cluster", b.at("/spec/cluster/name").asText());
            assertThat(Model.list(cluster.at("/spec/plugins")).stream()
                    .filter(p -> p.path("name").asText().equals("barman-cloud.cloudnative-pg.io") && p.path("isWALArchiver").asBoolean()))
                    .as("%s archives its WAL through the plugin", Model.name(cluster)).hasSize(1);
        }
        // referral-service/README.md: the key store is replicated, not backed up (with the referral database's backups
        // least of all).
        JsonNode keys = m.get("Cluster", "referral-keys-db");
        assertThat(backedUp).doesNotContain("referral-keys-db");
        assertThat(keys.at("/spec/plugins").isMissingNode() || keys.at("/spec/plugins").isEmpty()).isTrue();
        assertThat(keys.at("/spec/backup").isMissingNode()).isTrue();
        // Nor do cluster-wide volume backups copy it (a copy would keep destroyed keys alive).
        assertThat(keys.at("/spec/inheritedMetadata/labels/velero.io~1exclude-from-backup").asText()).isEqualTo("true");
        if (production) {
            assertThat(backedUp).containsExactlyInAnyOrder("directory-db", "referral-db", "awareness-db", "keycloak-db");
            assertThat(keys.at("/spec/postgresql/synchronous/number").asInt()).isGreaterThanOrEqualTo(1);
            // The referral database's backups go to an object store no other cluster's pods hold credentials for.
            Map<String, String> stores = new java.util.TreeMap<>();
            for (JsonNode cluster : m.all("Cluster")) {
                Model.list(cluster.at("/spec/plugins")).forEach(p -> stores.put(Model.name(cluster),
                        p.at("/parameters/barmanObjectName").asText()));
            }
            String referral = stores.remove("referral-db");
            assertThat(referral).isNotEmpty();
            assertThat(stores.values()).isNotEmpty().doesNotContain(referral);
        } else {
            assertThat(backedUp).isEmpty();
        }
    }

    /**
     * From the Internet Keycloak shows only the mitra realm: not the master realm (whose token endpoint would let
     * anyone try the administrator's password) and not the admin console, which is reached by port-forward.
     */
    @Test
    void theKeycloakIngressRoutesOnlyTheMitraRealmAndItsResources() {
        Model m = Model.of("production");
        List<String> paths = Model.list(m.get("Ingress", "keycloak").at("/spec/rules/0/http/paths")).stream()
                .map(path -> path.path("path").asText()).toList();
        assertThat(paths).containsExactlyInAnyOrder("/realms/mitra/", "/resources/");
        assertThat(m.get("Keycloak", "mitra-keycloak").at("/spec/hostname/admin").asText()).isEqualTo("http://localhost:8180");
    }

    @Test
    void productionHostnamesAgreeEverywhere() {
        Model m = Model.of("production");
        String gatewayHost = m.get("Ingress", "gateway").at("/spec/rules/0/host").asText();
        String keycloakHost = m.get("Ingress", "keycloak").at("/spec/rules/0/host").asText();
        assertThat(m.get("Ingress", "gateway").at("/spec/tls/0/hosts/0").asText()).isEqualTo(gatewayHost);
        assertThat(m.get("Ingress", "keycloak").at("/spec/tls/0/hosts/0").asText()).isEqualTo(keycloakHost);
        assertThat(m.get("Ingress", "keycloak").at("/spec/rules/0/http/paths/0/backend/service/name").asText()).isEqualTo("mitra-keycloak-service");
        JsonNode keycloak = m.get("Keycloak", "mitra-keycloak");
        assertThat(keycloak.at("/spec/hostname/hostname").asText()).isEqualTo("https://" + keycloakHost);
        assertThat(keycloak.at("/spec/http/tlsSecret").asText()).isEqualTo(m.get("Ingress", "keycloak").at("/spec/tls/0/secretName").asText());
        Map<String, String> gateway = Model.strings(m.get("ConfigMap", "gateway").path("data"));
        assertThat(gateway.get("MITRA_CORS_ORIGINS")).isEqualTo("https://" + gatewayHost);
        assertThat(gateway.get("MITRA_GATEWAY_SWAGGER_REALM_URL")).isEqualTo("https://" + keycloakHost + "/realms/mitra");
        JsonNode swagger = Model.list(m.all("KeycloakRealmImport").get(0).at("/spec/realm/clients")).stream()
                .filter(c -> c.path("clientId").asText().equals("mitra-swagger")).findFirst().orElseThrow();
        assertThat(swagger.path("redirectUris").toString()).isEqualTo("[\"https://" + gatewayHost + "/*\"]");
        assertThat(RealmImports.PRODUCTION_GATEWAY_URL).isEqualTo("https://" + gatewayHost);
        for (String module : List.of("directory-service", "referral-service", "awareness-service")) {
            assertThat(Model.strings(m.get("ConfigMap", module).path("data"))).containsEntry("MITRA_DEMO_DATA", "false");
        }
    }

    /**
     * Webhook endpoints on loopback over plain http (MITRA_WEBHOOKS_ALLOW_LOOPBACK) are for the local run only: no
     * container of any overlay gets the variable, so referral-service keeps its default (https, public addresses).
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void noContainerAllowsLoopbackWebhooks(String overlay) {
        Model m = Model.of(overlay);
        for (JsonNode deployment : m.all("Deployment")) {
            for (JsonNode container : containers(deployment)) {
                assertThat(variables(m, container)).as("%s/%s", Model.name(deployment), container.path("name").asText())
                        .doesNotContain("MITRA_WEBHOOKS_ALLOW_LOOPBACK");
            }
        }
        assertThat(ServiceConfig.of("referral-service").properties())
                .containsEntry("mitra.referral.webhooks.allow-loopback", "${MITRA_WEBHOOKS_ALLOW_LOOPBACK:false}");
    }

    @Test
    void devMatchesThePortForwardedUrlsOfTheRealmFile() {
        Model m = Model.of("dev");
        assertThat(m.all("Ingress")).isEmpty();
        assertThat(m.get("Keycloak", "mitra-keycloak").at("/spec/hostname/hostname").asText()).isEqualTo("http://localhost:8180");
        Map<String, String> gateway = Model.strings(m.get("ConfigMap", "gateway").path("data"));
        assertThat(gateway.get("MITRA_GATEWAY_SWAGGER_REALM_URL")).isEqualTo("http://localhost:8180/realms/mitra");
        assertThat(gateway.get("MITRA_CORS_ORIGINS")).isEqualTo("http://localhost:8080");
        assertThat(m.all("KeycloakRealmImport").get(0).at("/spec/realm")).isEqualTo(RealmImports.realmFile());
    }

    // ---------------------------------------------------------------------------------------------------------------

    static List<JsonNode> containers(JsonNode deployment) {
        List<JsonNode> out = new ArrayList<>(Model.list(deployment.at("/spec/template/spec/initContainers")));
        out.addAll(Model.list(deployment.at("/spec/template/spec/containers")));
        return out;
    }

    static JsonNode mainContainer(JsonNode deployment) {
        return Model.list(deployment.at("/spec/template/spec/containers")).stream()
                .filter(c -> c.path("name").asText().equals(Model.name(deployment))).findFirst()
                .orElseThrow(() -> new AssertionError("Deployment " + Model.name(deployment) + " has no container of its name"));
    }

    /** The variable names a container gets: env entries and the keys of ConfigMaps it takes whole (envFrom). */
    static Set<String> variables(Model m, JsonNode container) {
        Set<String> names = new TreeSet<>(values(m, container).keySet());
        Model.list(container.path("env")).forEach(e -> names.add(e.path("name").asText()));
        for (JsonNode from : Model.list(container.path("envFrom"))) {
            assertThat(from.has("secretRef") || from.has("configMapRef")).isTrue();
            assertThat(from.has("secretRef")).as("envFrom a Secret hides which variables it sets; use secretKeyRef").isFalse();
        }
        return names;
    }

    /** The literal values a container gets (env value, envFrom ConfigMaps; the ConfigMaps must be rendered). */
    static Map<String, String> values(Model m, JsonNode container) {
        Map<String, String> out = new LinkedHashMap<>();
        for (JsonNode from : Model.list(container.path("envFrom"))) {
            if (from.has("configMapRef")) {
                out.putAll(Model.strings(m.get("ConfigMap", from.at("/configMapRef/name").asText()).path("data")));
            }
        }
        for (JsonNode e : Model.list(container.path("env"))) {
            if (e.has("value")) {
                out.put(e.path("name").asText(), e.path("value").asText());
            } else if (e.at("/valueFrom/configMapKeyRef").isObject()) {
                JsonNode ref = e.at("/valueFrom/configMapKeyRef");
                out.put(e.path("name").asText(), m.get("ConfigMap", ref.path("name").asText()).path("data").path(ref.path("key").asText()).asText());
            }
        }
        return out;
    }

    static String secretOf(JsonNode container, String variable) {
        return Model.list(container.path("env")).stream().filter(e -> e.path("name").asText().equals(variable)).findFirst()
                .map(e -> e.at("/valueFrom/secretKeyRef/name").asText()).orElse("");
    }

    private static ServiceConfig config(String module) {
        return ServiceConfig.of(module);
    }

    /** bench/RESULTS.md, "6. Scale-out on paper", the requests and limits table: module to {request, limit}. */
    static Map<String, String[]> benchMemory() {
        String results = Repository.read(Repository.ROOT.resolve("bench/RESULTS.md"));
        String section = results.substring(results.indexOf("## 6. Scale-out on paper"));
        section = section.substring(section.indexOf("**Kubernetes requests and limits.**"));
        Map<String, String[]> out = new LinkedHashMap<>();
        Matcher row = Pattern.compile("^\\| ([a-z-]+) \\| [0-9]+ MB \\| ([0-9]+) Mi \\| ([0-9]+) Mi \\|$", Pattern.MULTILINE).matcher(section);
        while (row.find()) {
            out.putIfAbsent(row.group(1), new String[] {row.group(2) + "Mi", row.group(3) + "Mi"});
        }
        assertThat(out).as("bench/RESULTS.md's requests and limits table").containsOnlyKeys(ServiceConfig.MODULES);
        return out;
    }

    /** libs/events Topic: name to compacted. */
    static Map<String, Boolean> topicsOfLibsEvents() {
        String source = Repository.read(Repository.ROOT.resolve("libs/events/src/main/java/org/mitra/events/Topic.java"));
        Map<String, Boolean> out = new LinkedHashMap<>();
        Matcher m = Pattern.compile("new Topic\\(\"([a-z.-]+)\", (true|false)\\)").matcher(source);
        while (m.find()) {
            out.put(m.group(1), Boolean.parseBoolean(m.group(2)));
        }
        assertThat(out).as("topics of libs/events").hasSizeGreaterThanOrEqualTo(4).containsKey("mitra.dead-letters");
        return out;
    }
}
