package org.mitra.web.openapi;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Says who may call each operation in a form client generators and linters accept. Quarkus lists an operation's
 * {@code @RolesAllowed} roles as the scopes of its bearer requirement, but only OAuth2 and OpenID Connect schemes have
 * scopes: a generated client would ask Keycloak for scopes named {@code coalition-admin}, and Spectral's
 * {@code oas3-operation-security-defined} refuses them. Here the requirement keeps the scheme with no scopes, the roles
 * move to the extension {@value #ROLES} (machine-readable: the system tests' authorization matrix reads it), and the
 * operation's description ends with the same in words, so every operation has a description a reader can act on.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class AccessDocumentation implements OASFilter {
    /** The roles an operation allows (any of them); absent on public operations, empty for any signed-in caller. */
    public static final String ROLES = "x-mitra-roles";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> document(operation)));
    }

    private static void document(Operation operation) {
        List<SecurityRequirement> requirements = operation.getSecurity();
        if (requirements == null || requirements.isEmpty()) {
            describe(operation, "Access: public, no token needed.");
            return;
        }
        Set<String> roles = new LinkedHashSet<>();
        List<SecurityRequirement> withoutScopes = new ArrayList<>();
        for (SecurityRequirement requirement : requirements) {
            SecurityRequirement schemesOnly = OASFactory.createSecurityRequirement();
            requirement.getSchemes().forEach((scheme, scopes) -> {
                if (scopes != null) {
                    scopes.stream().filter(role -> !role.equals("**")).forEach(roles::add);
                }
                schemesOnly.addScheme(scheme);
            });
            withoutScopes.add(schemesOnly);
        }
        operation.setSecurity(withoutScopes);
        operation.addExtension(ROLES, List.copyOf(roles));
        describe(operation, roles.isEmpty() ? "Access: any signed-in caller (bearer token)."
                : "Access: a bearer token with the role " + String.join(" or ", roles) + ".");
    }

    private static void describe(Operation operation, String access) {
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? access : description.strip() + "\n\n" + access);
    }
}
