package cn.fuyou.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

/**
 * A browser-like API client: keeps the session cookie and echoes the XSRF-TOKEN cookie as the
 * X-XSRF-TOKEN header, so tests pass through the real security chain.
 */
public final class ApiClient {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private String bearer;
    private boolean sendCsrf = true;
    private String language;

    public ApiClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).build();
    }

    public record Response(int status, JsonNode body, String contentType) {
        public JsonNode at(String pointer) { return body.at(pointer); }
        public String text(String pointer) { return body.at(pointer).asText(); }
    }

    public ApiClient withBearer(String token) {
        this.bearer = token;
        return this;
    }

    /** Sends {@code Accept-Language} (the server's texts follow it; zh-CN when absent). */
    public ApiClient withLanguage(String acceptLanguage) {
        this.language = acceptLanguage;
        return this;
    }

    public ApiClient withoutCsrf() {
        this.sendCsrf = false;
        return this;
    }

    public Response login(String username, String password) {
        get("/api/auth/me"); // obtains the XSRF-TOKEN cookie, as the UI does at start
        Response r = post("/api/auth/login", Map.of("username", username, "password", password));
        if (r.status() != 200 && password.equals("Demo@2026")) {
            throw new IllegalStateException("login of " + username + " failed: " + r);
        }
        return r;
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A binary download (e.g. a PDF) through the same session: status, content type and bytes. */
    public record Download(int status, String contentType, byte[] body) {}

    public Download download(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        try {
            HttpResponse<byte[]> res = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Download(res.statusCode(), res.headers().firstValue("Content-Type").orElse(""), res.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A binary download (e.g. an .xlsx): status and bytes. */
    public HttpResponse<byte[]> getBytes(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A raw text body with its own content type (e.g. a CSV upload). */
    public Response postText(String path, String contentType, String text) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(text))
                .header("Content-Type", contentType));
    }

    public Response post(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(json(body)).header("Content-Type", "application/json"));
    }

    public Response postRaw(String path, String rawJson) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(rawJson))
                .header("Content-Type", "application/json"));
    }

    /** A multipart/form-data upload of one file under {@code field}, as a browser's file input sends it. */
    public Response postFile(String path, String field, String fileName, byte[] content) {
        String boundary = "----fuyou" + System.nanoTime();
        var out = new java.io.ByteArrayOutputStream();
        String head = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n";
        out.writeBytes(head.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        out.writeBytes(content);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(out.toByteArray()))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary));
    }

    public Response put(String path, Object body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).PUT(json(body)).header("Content-Type", "application/json"));
    }

    /**
     * Any method with a raw body ({@code null}: none) of the given content type, asking for {@code accept}; a body that is
     * not JSON comes back as a missing node. For tests that walk every endpoint (access matrix, audit).
     */
    public Response exchange(String method, String path, String contentType, String body, String accept) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .timeout(java.time.Duration.ofSeconds(60));
        if (contentType != null) b.header("Content-Type", contentType);
        if (accept != null) b.header("Accept", accept);
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        if (language != null) b.header("Accept-Language", language);
        if (sendCsrf) {
            cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().ifPresent(v -> b.header("X-XSRF-TOKEN", v));
        }
        try {
            HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode node;
            try {
                node = res.body() == null || res.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(res.body());
            } catch (IOException notJson) {
                node = MissingNode.getInstance();
            }
            return new Response(res.statusCode(), node, res.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private Response send(HttpRequest.Builder b) {
        if (bearer != null) b.header("Authorization", "Bearer " + bearer);
        if (language != null) b.header("Accept-Language", language);
        if (sendCsrf) {
            cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                    .map(HttpCookie::getValue).findFirst().ifPresent(v -> b.header("X-XSRF-TOKEN", v));
        }
        try {
            HttpResponse<String> res = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode body = res.body() == null || res.body().isBlank() ? MissingNode.getInstance() : JSON.readTree(res.body());
            return new Response(res.statusCode(), body, res.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
