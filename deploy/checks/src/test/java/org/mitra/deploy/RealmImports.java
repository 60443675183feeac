package org.mitra.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The generator of the two KeycloakRealmImports, from deploy/keycloak/mitra-realm.json, the local run's realm (one
 * source). kustomize cannot read a file outside its folder, so the YAML is generated and committed, and
 * {@link RealmImportTest} fails when the committed files differ from what this writes. To regenerate after a change of
 * the realm file (or of the production hostname, {@link #PRODUCTION_GATEWAY_URL}):
 * <pre>./mvnw -pl deploy/checks verify -Dmitra.realm.write=true</pre>
 * <ul>
 * <li>dev: the realm file unchanged; each {@code ${MITRA_..._SECRET}} placeholder is filled by the Keycloak operator
 * from the Secret {@value #PLACEHOLDER_SECRET}, key = the placeholder's name (spec.placeholders).</li>
 * <li>production: without any user (the file's are demo users and the demo clients' service accounts), without the
 * demo clients (clientId ending in {@code -demo}, the ones with placeholder secrets) and without {@code mitra-cli}
 * (password grant, "local development only" in the file), and Swagger UI's client redirected to the production
 * gateway only. No placeholder remains, so no secret of the file's reaches production.</li>
 * </ul>
 */
final class RealmImports {
    static final String PLACEHOLDER_SECRET = "mitra-realm-placeholders";
    static final String KEYCLOAK_NAMESPACE = "mitra-keycloak";
    static final String KEYCLOAK = "mitra-keycloak";
    static final String PRODUCTION_GATEWAY_URL = "https://mitra.example.org";
    static final Path DEV_FILE = Repository.KUBERNETES.resolve("overlays/dev/keycloak-realm-import.yaml");
    static final Path PRODUCTION_FILE = Repository.KUBERNETES.resolve("overlays/production/keycloak-realm-import.yaml");
    /** The realm Compose's Keycloak imports: production's, Swagger UI on the host's public address (.env). */
    static final Path COMPOSE_FILE = Repository.ROOT.resolve("deploy/compose/keycloak/mitra-realm.json");
    static final String COMPOSE_GATEWAY_URL = "${MITRA_PUBLIC_URL}";
    static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

    static final ObjectMapper JSON = new ObjectMapper();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    private RealmImports() {
    }

    /**
     * The realm file as the Kubernetes API server keeps it: without its null fields (it drops a null where the CRD's
     * schema, as the file's {@code "protocolMappers": null} of the offline_access scope, expects an array or object;
     * Keycloak treats a missing field and a null alike).
     */
    static ObjectNode realmFile() {
        try {
            return (ObjectNode) withoutNulls(JSON.readTree(Repository.REALM_FILE.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode withoutNulls(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            List<String> nulls = new ArrayList<>();
            object.fields().forEachRemaining(e -> {
                if (e.getValue().isNull()) {
                    nulls.add(e.getKey());
                } else {
                    withoutNulls(e.getValue());
                }
            });
            object.remove(nulls);
        } else if (node.isArray()) {
            node.forEach(RealmImports::withoutNulls);
        }
        return node;
    }

    /** The placeholders a realm holds, e.g. MITRA_PARTNER_DEMO_SECRET. */
    static Set<String> placeholders(JsonNode realm) {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(realm.toString());
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The realm production imports: the file minus its demo users and demo clients, Swagger UI on the gateway's URL. */
    static ObjectNode productionRealm(ObjectNode file, String gatewayUrl) {
        ObjectNode realm = file.deepCopy();
        realm.remove("users");
        ArrayNode clients = (ArrayNode) realm.get("clients");
        for (Iterator<JsonNode> it = clients.iterator(); it.hasNext();) {
            String id = it.next().path("clientId").asText();
            if (id.endsWith("-demo") || id.equals("mitra-cli")) {
                it.remove();
            }
        }
        for (JsonNode client : clients) {
            if (client.path("clientId").asText().equals("mitra-swagger")) {
                ArrayNode uris = ((ObjectNode) client).putArray("redirectUris");
                uris.add(gatewayUrl + "/*");
            }
        }
        return realm;
    }

    static ObjectNode realmImport(ObjectNode realm, String comment) {
        ObjectNode doc = JSON.createObjectNode();
        doc.put("apiVersion", "k8s.keycloak.org/v2beta1");
        doc.put("kind", "KeycloakRealmImport");
        // Beside its Keycloak, in the namespace of ../keycloak (the overlays name no namespace of their own).
        doc.putObject("metadata").put("name", "mitra-realm").put("namespace", KEYCLOAK_NAMESPACE);
        ObjectNode spec = doc.putObject("spec");
        spec.put("keycloakCRName", KEYCLOAK);
        Set<String> names = placeholders(realm);
        if (!names.isEmpty()) {
            ObjectNode placeholders = spec.putObject("placeholders");
            for (String name : names) {
                placeholders.putObject(name).putObject("secret").put("name", PLACEHOLDER_SECRET).put("key", name);
            }
        }
        spec.set("realm", realm);
        return doc;
    }

    static Map<Path, String> generate() {
        ObjectNode file = realmFile();
        Map<Path, String> out = new LinkedHashMap<>();
        out.put(DEV_FILE, text(realmImport(file, null),
                "The realm of deploy/keycloak/mitra-realm.json, unchanged (demo users and clients included). Its client secrets\n"
                        + "are the file's placeholders, filled by the Keycloak operator from the Secret " + PLACEHOLDER_SECRET
                        + "\n(deploy/README.md)."));
        out.put(PRODUCTION_FILE, text(realmImport(productionRealm(file, PRODUCTION_GATEWAY_URL), null),
                "The realm of deploy/keycloak/mitra-realm.json without its demo users, demo clients and mitra-cli, with Swagger\n"
                        + "UI redirected to " + PRODUCTION_GATEWAY_URL + " only (deploy/README.md)."));
        try {
            out.put(COMPOSE_FILE, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(productionRealm(file, COMPOSE_GATEWAY_URL))
                    + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String text(JsonNode doc, String what) {
        try {
            StringBuilder header = new StringBuilder();
            header.append("# GENERATED by deploy/checks RealmImports from deploy/keycloak/mitra-realm.json: do not edit; regenerate with\n");
            header.append("#   ./mvnw -pl deploy/checks verify -Dmitra.realm.write=true\n");
            for (String line : what.split("\n")) {
                header.append("# ").append(line).append('\n');
            }
            return header + YAML.writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write() {
        generate().forEach((file, text) -> {
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, text);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
