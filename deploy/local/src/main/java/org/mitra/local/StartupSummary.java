package org.mitra.local;

import java.time.Duration;
import java.util.List;

/** What a developer needs once the platform is up: where everything is and how to sign in. */
final class StartupSummary {
    private StartupSummary() {
    }

    static void print(PlatformSettings settings, List<ComponentStatus> statuses, Duration took) {
        long notReady = statuses.stream().filter(status -> !status.ready()).count();
        StringBuilder out = new StringBuilder(notReady == 0 ? "\nMitra is up in " : "\nMitra is partly up after ")
                .append(seconds(took)).append(" s\n\n");
        for (ComponentStatus status : statuses) {
            out.append(String.format("  %-18s %-34s %s%n", status.name(), status.url(),
                    status.ready() ? "ready" : status.state() + " " + status.detail()));
        }
        String gateway = settings.serviceUrl(PlatformService.GATEWAY);
        out.append("\n  Gateway            ").append(gateway).append('\n');
        out.append("  Swagger UI         ").append(gateway).append("/q/swagger-ui (sign in with client mitra-swagger)\n");
        for (PlatformService service : PlatformService.values()) {
            if (service != PlatformService.GATEWAY) {
                out.append(String.format("  %-18s %s/q/swagger-ui%n", service.module(), settings.serviceUrl(service)));
            }
        }
        out.append("  Metrics            ");
        for (PlatformService service : PlatformService.values()) {
            out.append(service == PlatformService.values()[0] ? "" : "                     ")
                    .append(String.format("%-18s %s/q/metrics%n", service.module(), settings.managementUrl(service)));
        }
        // The installation's secrets are shown on the start that made them, then only where they are kept.
        java.util.Set<String> made = InstallationSecrets.madeNow(settings);
        boolean adminMadeNow = made.contains("keycloak-admin-password");
        out.append("  Keycloak admin     ").append(settings.keycloakUrl()).append("/admin/master/console/#/")
                .append(KeycloakServer.REALM).append(" (").append(settings.keycloakAdminUser()).append(" / ")
                .append(adminMadeNow ? settings.keycloakAdminPassword()
                        : settings.keycloakAdminPasswordOverride().isPresent() ? "password from KC_BOOTSTRAP_ADMIN_PASSWORD"
                        : "password in " + settings.secrets().resolve("keycloak-admin-password"))
                .append(")\n");
        out.append("  Token endpoint     ").append(settings.issuer()).append("/protocol/openid-connect/token\n");
        out.append("\nDemo users, password ").append(DemoOrganization.DEMO_PASSWORD).append(":\n");
        out.append("  coalition-admin, gov-liaison\n");
        for (DemoOrganization organization : DemoOrganization.values()) {
            out.append(String.format("  %-26s %-30s org %s%n", organization.admin(), organization.caseworker(), organization.id()));
        }
        out.append("Clients: mitra-swagger (PKCE), mitra-cli (password grant), and with client credentials:\n");
        for (String client : java.util.List.of("mitra-partner-demo", "mitra-feeds-demo")) {
            String file = "keycloak-client-" + client + "-secret";
            out.append(String.format("  %-26s %s%n", client, made.contains(file)
                    ? "secret " + settings.clientSecret(client) : "secret in " + settings.secrets().resolve(file)));
        }
        if (!made.isEmpty()) {
            out.append("These secrets were made for this installation and are shown this once; they are kept in ")
                    .append(settings.secrets()).append(" (owner-only).\n");
        }
        if (notReady > 0) {
            out.append("\n").append(notReady).append(" component(s) not ready: see the table above and ").append(settings.logs()).append('\n');
        }
        out.append("\nPress Ctrl-C to stop everything.");
        System.out.println(out);
    }

    private static String seconds(Duration duration) {
        return String.format("%.1f", duration.toMillis() / 1000.0);
    }
}
