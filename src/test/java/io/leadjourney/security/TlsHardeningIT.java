package io.leadjourney.security;

import io.leadjourney.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ActiveProfilesResolver;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.leadjourney.security.WebappHardeningIT.TASKLIST;
import static io.leadjourney.security.WebappHardeningIT.cookie;
import static io.leadjourney.security.WebappHardeningIT.header;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code tls} profile, as behind a TLS-terminating proxy on the same host: requests that arrived over https
 * ({@code X-Forwarded-Proto}) get Secure cookies and HSTS, from the webapps and from the API.
 */
@ActiveProfiles(resolver = TlsHardeningIT.WithTls.class)
class TlsHardeningIT extends IntegrationTest {

    /** The suite's profiles ({@code test}, or {@code test,postgres}) plus {@code tls}, on the same database. */
    static class WithTls implements ActiveProfilesResolver {
        @Override
        public String[] resolve(Class<?> testClass) {
            List<String> profiles = new ArrayList<>(List.of(System.getProperty("spring.profiles.active", "test")
                    .split(",")));
            profiles.add("tls");
            return profiles.toArray(String[]::new);
        }
    }

    @LocalServerPort
    private int port;

    private final HttpClient client = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private HttpResponse<String> overHttps(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("X-Forwarded-Proto", "https").GET();
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void webappCookiesAreSecureAndHstsIsSent() throws Exception {
        HttpResponse<String> page = overHttps(TASKLIST);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(cookie(page, "JSESSIONID")).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(cookie(page, "XSRF-TOKEN")).contains("Secure");
        assertThat(header(page, "Strict-Transport-Security")).contains("max-age=31536000");
    }

    @Test
    void apiAnswersOverHttpsCarryHsts() throws Exception {
        HttpResponse<String> answer = overHttps("/api/leads/1", "Authorization", "Basic "
                + Base64.getEncoder().encodeToString("integration:integration".getBytes(StandardCharsets.UTF_8)));
        assertThat(header(answer, "Strict-Transport-Security")).contains("max-age=31536000");
    }
}
