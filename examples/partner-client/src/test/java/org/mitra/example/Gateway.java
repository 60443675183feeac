package org.mitra.example;

/**
 * The generated clients (one per OpenAPI document, each in its package), pointed at the platform's gateway, the one
 * address a partner is given (every service's API is under it at its public path), and sending the caller's bearer
 * token on every request. The awareness client is generated and compiled too; the walkthrough does not need it.
 */
final class Gateway {
    private final String url;

    /** {@code url}: the gateway, e.g. {@code https://mitra.example.org} or {@code http://127.0.0.1:8080}. */
    Gateway(String url) {
        this.url = url;
    }

    String url() {
        return url;
    }

    /** The directory's client (package {@code org.mitra.example.client.directory}). */
    org.mitra.example.client.directory.ApiClient directory(String accessToken) {
        org.mitra.example.client.directory.ApiClient client = new org.mitra.example.client.directory.ApiClient();
        client.updateBaseUri(url);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + accessToken));
        return client;
    }

    /** The referrals' client (package {@code org.mitra.example.client.referrals}). */
    org.mitra.example.client.referrals.ApiClient referrals(String accessToken) {
        org.mitra.example.client.referrals.ApiClient client = new org.mitra.example.client.referrals.ApiClient();
        client.updateBaseUri(url);
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + accessToken));
        return client;
    }
}
