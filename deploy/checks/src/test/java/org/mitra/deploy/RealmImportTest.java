package org.mitra.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The KeycloakRealmImports are the local run's realm file: dev as it is, production without the demo parts. */
class RealmImportTest {

    @BeforeAll
    static void regenerateWhenAsked() {
        if (Boolean.getBoolean("mitra.realm.write")) {
            RealmImports.write();
        }
    }

    @Test
    void theCommittedRealmImportsAreWhatTheGeneratorMakesOfTheRealmFile() {
        Map<Path, String> generated = RealmImports.generate();
        assertThat(generated).hasSize(3);
        generated.forEach((file, text) -> assertThat(Repository.read(file))
                .as("%s drifted from deploy/keycloak/mitra-realm.json; regenerate: ./mvnw -pl deploy/checks verify -Dmitra.realm.write=true",
                        Repository.ROOT.relativize(file))
                .isEqualTo(text));
    }

    @Test
    void devImportsTheRealmFileAsItIsWithItsPlaceholdersFromASecret() {
        JsonNode doc = single(RealmImports.DEV_FILE);
        assertThat(doc.at("/spec/realm")).isEqualTo(RealmImports.realmFile());
        assertThat(doc.at("/spec/keycloakCRName").asText()).isEqualTo("mitra-keycloak");
        Set<String> used = RealmImports.placeholders(doc.at("/spec/realm"));
        assertThat(used).contains("MITRA_PARTNER_DEMO_SECRET", "MITRA_FEEDS_DEMO_SECRET");
        for (String name : used) {
            assertThat(doc.at("/spec/placeholders/" + name + "/secret/name").asText()).isEqualTo(RealmImports.PLACEHOLDER_SECRET);
            assertThat(doc.at("/spec/placeholders/" + name + "/secret/key").asText()).isEqualTo(name);
        }
    }

    @Test
    void productionHasNoDemoUserNoDemoClientAndNoSecretOfTheFile() {
        JsonNode realm = single(RealmImports.PRODUCTION_FILE).at("/spec/realm");
        ObjectNode file = RealmImports.realmFile();
        assertThat(file.path("users")).isNotEmpty();
        assertThat(realm.has("users")).isFalse();
        List<String> clients = StreamSupport.stream(realm.path("clients").spliterator(), false)
                .map(c -> c.path("clientId").asText()).toList();
        assertThat(clients).containsExactlyInAnyOrder("mitra-api", "mitra-swagger");
        // (Keycloak's own message keys such as ${username} stay: they are not placeholders of ours.)
        assertThat(realm.toString()).doesNotContain("\"secret\"", "mitra-demo", "_SECRET}");
        assertThat(RealmImports.placeholders(realm)).isEmpty();
        // Everything else is the file's: roles, client scopes and their mappers, the token settings, the user profile.
        for (String field : List.of("roles", "clientScopes", "components", "defaultDefaultClientScopes", "accessTokenLifespan",
                "sslRequired", "bruteForceProtected")) {
            assertThat(realm.get(field)).as(field).isEqualTo(file.get(field));
        }
        assertThat(realm).isEqualTo(RealmImports.productionRealm(file, RealmImports.PRODUCTION_GATEWAY_URL));
    }

    @Test
    void theProductionTransformationRemovesWhatItSaysAndNothingElse() {
        ObjectNode file = RealmImports.realmFile();
        ObjectNode production = RealmImports.productionRealm(file, "https://x.test");
        ObjectNode back = production.deepCopy();
        back.set("users", file.get("users"));
        // Put the removed clients back where they were and the redirect URIs as they were: the file again.
        back.set("clients", file.get("clients"));
        assertThat(back).isEqualTo(file);
        assertThat(production.at("/clients/1/redirectUris").toString()).isEqualTo("[\"https://x.test/*\"]");
    }

    private static JsonNode single(Path file) {
        List<JsonNode> docs = Kustomize.parse(Repository.read(file));
        assertThat(docs).hasSize(1);
        return docs.get(0);
    }
}
