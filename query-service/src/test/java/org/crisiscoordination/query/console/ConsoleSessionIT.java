package org.crisiscoordination.query.console;

import org.crisiscoordination.query.support.QueryServiceIT;
import org.crisiscoordination.testsupport.TestCaller;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's session chain over plain HTTP: a page needs a session, signing in needs the form's
 * CSRF token, a session is made only by a token the service trusts, and the API beside it stays
 * stateless (no cookie, a bearer token or 401).
 */
class ConsoleSessionIT extends QueryServiceIT {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new java.net.CookieManager()).build();

    @Test
    void aPageWithoutASessionSendsToTheSignInForm() throws Exception {
        HttpResponse<String> board = send(HttpRequest.newBuilder(uri("/console/board")).GET());
        assertThat(board.statusCode()).isEqualTo(302);
        assertThat(board.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/sign-in"));
    }

    @Test
    void signingInTakesTheFormsCsrfTokenAndATrustedBearerToken() throws Exception {
        String token = TestCaller.reader().token();
        assertThat(signIn(token, null).statusCode()).as("no CSRF token").isEqualTo(403);

        String csrf = csrf();
        assertThat(signIn("not-a-token", csrf).statusCode()).isEqualTo(401);
        HttpResponse<String> signedIn = signIn(token, csrf());
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console/board"));
        HttpResponse<String> board = send(HttpRequest.newBuilder(uri("/console/board")).GET());
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("<h1>Board</h1>", "test-reader");
    }

    @Test
    void theBoardsFiltersOfferEveryChoiceAndShowTheChosenOnes() throws Exception {
        assertThat(signIn(TestCaller.reader().token(), csrf()).statusCode()).isEqualTo(302);

        String board = send(HttpRequest.newBuilder(uri("/console/board?status=RESOLVED&minSeverity=3&track=POWER"
                + "&topic=MARITIME_SECURITY&organization=ASEAN&state=PH")).GET()).body();

        assertThat(board).contains(
                "<label for=\"status\">Status</label>", "<select id=\"status\" name=\"status\">",
                "<option value=\"RESOLVED\" selected=\"selected\">RESOLVED</option>", "<option value=\"RAISED\">RAISED</option>",
                "<label for=\"minSeverity\">Severity at least</label>",
                "<option value=\"3\" selected=\"selected\">3</option>", "<option value=\"5\">5</option>",
                "<label for=\"track\">Track</label>",
                "<option value=\"POWER\" selected=\"selected\">power</option>", "<option value=\"NONE\">none</option>",
                "<label for=\"topic\">Topic</label>",
                "<option value=\"MARITIME_SECURITY\" selected=\"selected\">MARITIME_SECURITY</option>",
                "<label for=\"organization\">Referred to</label>",
                "<option value=\"ASEAN\" selected=\"selected\">ASEAN</option>", "<option value=\"SCO\">SCO</option>");
        assertThat(count(board, "<option value=\"\">any</option>")).as("each filter can be left open").isEqualTo(5);
        assertThat(count(board, "selected=\"selected\"")).isEqualTo(5);
    }

    private static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    @Test
    void theApiBesideItStaysStateless() throws Exception {
        HttpResponse<String> api = HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri("/api/crises")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(api.statusCode()).isEqualTo(401);
        assertThat(api.headers().firstValue("Set-Cookie")).isEmpty();
    }

    private String csrf() throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(send(HttpRequest.newBuilder(uri("/console/sign-in")).GET()).body());
        assertThat(m.find()).as("the sign-in form carries a CSRF token").isTrue();
        return m.group(1);
    }

    private HttpResponse<String> signIn(String token, String csrf) throws IOException, InterruptedException {
        String form = "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8)
                + (csrf == null ? "" : "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri("/console/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }
}
