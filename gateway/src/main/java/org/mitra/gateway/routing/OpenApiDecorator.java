package org.mitra.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Serves a service's OpenAPI document under the gateway ({@code /openapi/directory} → the service's
 * {@code /q/openapi}) and adds a Keycloak login to it: an OAuth2 authorization-code scheme ({@code keycloak})
 * offered next to the plain bearer scheme on every secured operation, so Swagger UI's "Authorize" logs in with
 * client {@code mitra-swagger} and PKCE. Paths are not rewritten: every service already serves its public path.
 */
final class OpenApiDecorator {
    static final String SCHEME = "keycloak";
    private final String realmUrl;

    OpenApiDecorator(String realmUrl) {
        this.realmUrl = realmUrl.endsWith("/") ? realmUrl.substring(0, realmUrl.length() - 1) : realmUrl;
    }

    ProxyInterceptor forPath(String openapiPath) {
        return new ProxyInterceptor() {
            @Override
            public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
                context.request().setURI(openapiPath + "?format=json");
                context.request().headers().set("Accept", "application/json");
                context.request().headers().remove("Accept-Encoding");
                return context.sendRequest();
            }

            @Override
            public Future<Void> handleProxyResponse(ProxyContext context) {
                ProxyResponse response = context.response();
                if (response.getStatusCode() != 200 || response.getBody() == null) {
                    return context.sendResponse();
                }
                return collect(response.getBody().stream()).compose(content -> {
                    Buffer decorated = decorate(content);
                    response.headers().remove("Content-Length");
                    response.headers().set("Content-Type", "application/json");
                    response.setBody(Body.body(decorated));
                    return context.sendResponse();
                });
            }
        };
    }

    Buffer decorate(Buffer document) {
        JsonObject openapi;
        try {
            openapi = document.toJsonObject();
        } catch (DecodeException | ClassCastException notJson) {
            return document;
        }
        JsonObject flows = new JsonObject().put("authorizationCode", new JsonObject()
                .put("authorizationUrl", realmUrl + "/protocol/openid-connect/auth")
                .put("tokenUrl", realmUrl + "/protocol/openid-connect/token")
                .put("scopes", new JsonObject().put("openid", "OpenID Connect sign-in")));
        JsonObject components = child(openapi, "components");
        child(components, "securitySchemes").put(SCHEME, new JsonObject()
                .put("type", "oauth2")
                .put("description", "Sign in with the Mitra Keycloak realm (client mitra-swagger, PKCE).")
                .put("flows", flows));
        offerLogin(openapi.getJsonArray("security"));
        JsonObject paths = openapi.getJsonObject("paths");
        if (paths != null) {
            for (String path : paths.fieldNames()) {
                Object item = paths.getValue(path);
                if (item instanceof JsonObject operations) {
                    for (String method : operations.fieldNames()) {
                        if (operations.getValue(method) instanceof JsonObject operation) {
                            offerLogin(operation.getJsonArray("security"));
                        }
                    }
                }
            }
        }
        return openapi.toBuffer();
    }

    /** Where a requirement asks for a bearer token, the Keycloak login is offered as the alternative. */
    private static void offerLogin(JsonArray requirements) {
        if (requirements == null || requirements.isEmpty()) {
            return;
        }
        boolean wantsToken = requirements.stream().anyMatch(requirement -> requirement instanceof JsonObject object
                && !object.isEmpty() && !object.containsKey(SCHEME));
        boolean offered = requirements.stream().anyMatch(requirement -> requirement instanceof JsonObject object
                && object.containsKey(SCHEME));
        if (wantsToken && !offered) {
            requirements.add(new JsonObject().put(SCHEME, new JsonArray()));
        }
    }

    private static JsonObject child(JsonObject parent, String name) {
        JsonObject child = parent.getJsonObject(name);
        if (child == null) {
            child = new JsonObject();
            parent.put(name, child);
        }
        return child;
    }

    private static Future<Buffer> collect(ReadStream<Buffer> stream) {
        Promise<Buffer> promise = Promise.promise();
        Buffer content = Buffer.buffer();
        stream.exceptionHandler(promise::tryFail);
        stream.endHandler(ended -> promise.tryComplete(content));
        stream.handler(content::appendBuffer);
        stream.resume();
        return promise.future();
    }
}
