package org.yike.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.Test;

/**
 * The door of the product jar: every row of the permission table (docs/access.md) called with no login, as a
 * viewer and as a school's admin, each answer checked against the table; a teacher kept to their own
 * lessons and their school; a browser's change without its CSRF token refused; guessing passwords
 * locked out; no password in any answer or on the console; changes audited with the user.
 */
public class AccessTest extends ProductJarTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SCHOOL = "实验中学";
    /** A table row: `METHOD /path` and whether a viewer and a school's admin may make it. */
    private record Row(String method, String path, boolean viewer, boolean schoolAdmin, boolean reviewer) {
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    public void everyCallIsCheckedAgainstTheReadmesTable() throws Exception {
        ModuleFixtures.delete(data);
        InYike.configFile(data, "org.yike.web.access", "school=\"" + SCHOOL + "\"");
        InYike.configFile(data, "org.yike.catalog", "school=\"" + SCHOOL + "\"");
        lesson(data, "wang-1", "王芳");
        lesson(data, "liu-1", "刘洋");
        yike = InYike.productJar(data, port);
        Api admin = new Api(port, data).ready(60);
        Api anonymous = admin.anonymous();
        user(admin, "zhang", "张三", "viewer", SCHOOL, "zhang-secret-1");
        user(admin, "zhao", "赵校长", "school-admin", SCHOOL, "zhao-secret-1");
        user(admin, "wang", "王芳", "teacher", SCHOOL, "wang-secret-1");
        user(admin, "li", "李明", "teacher", "第二中学", "li-secret-12");
        Api viewer = admin.login("zhang", "zhang-secret-1");
        Api schoolAdmin = admin.login("zhao", "zhao-secret-1");
        user(admin, "shen", "沈审核", "reviewer", SCHOOL, "shen-secret-1");
        Api reviewer = admin.login("shen", "shen-secret-1");

        List<Row> table = table();
        assertTrue("the table has " + table.size() + " rows", table.size() > 50);
        for (Row row : table) {
            String path = row.path().replaceAll("\\{[^}]*}", "itest-none");
            assertEquals(row + " with no login", 401, call(anonymous, row.method(), path));
            int v = call(viewer, row.method(), path);
            assertTrue(row + " as a viewer answered " + v, row.viewer() ? v != 401 && v != 403 : v == 403);
            int a = call(schoolAdmin, row.method(), path);
            assertTrue(row + " as a school's admin answered " + a, row.schoolAdmin() ? a != 401 && a != 403 : a == 403);
            int r = call(reviewer, row.method(), path);
            assertTrue(row + " as a reviewer answered " + r, row.reviewer() ? r != 401 && r != 403 : r == 403);
        }

        // a teacher: their own lessons, not a colleague's, not the console; one of another school: nothing here
        Api wang = admin.login("wang", "wang-secret-1");
        assertEquals(200, wang.get("lessons/wang-1").status());
        assertEquals(403, wang.get("lessons/liu-1").status());
        assertEquals(403, wang.get("lessons/liu-1/files/program.mp4").status());
        assertEquals(List.of("wang-1"), ids(wang.get("lessons?size=50").body()));
        assertEquals(List.of("liu-1", "wang-1"), ids(viewer.get("lessons?size=50").body()).stream().sorted().toList());
        assertEquals(403, wang.get("devices").status());

        // a colleague's lesson shared with them: theirs to watch, not to change
        assertEquals(403, wang.patch("lessons/liu-1", "{\"sharedWith\": [\"wang\"]}").status());
        Api.Answer unknown = schoolAdmin.patch("lessons/liu-1", "{\"sharedWith\": [\"nobody\"]}");
        assertEquals(unknown.body().toString(), 400, unknown.status());
        assertTrue(unknown.body().toString(), unknown.body().get("error").asText().contains("nobody"));
        Api.Answer shared = schoolAdmin.patch("lessons/liu-1", "{\"sharedWith\": [\"wang\"]}");
        assertEquals(shared.body().toString(), "[\"wang\"]", shared.body().get("sharedWith").toString());
        assertEquals(200, wang.get("lessons/liu-1").status());
        assertEquals(List.of("liu-1", "wang-1"), ids(wang.get("lessons?size=50").body()).stream().sorted().toList());
        JsonNode facets = wang.get("lessons?size=1").body().get("facets");
        assertEquals(facets.toString(), 2, facets.get("teacher").size());
        assertEquals(facets.toString(), "finished", facets.get("state").get(0).get("value").asText());
        assertEquals(facets.toString(), 2, facets.get("state").get(0).get("count").asInt());
        Api.Answer change = wang.patch("lessons/liu-1", "{\"title\": \"改\"}");
        assertEquals(403, change.status());
        assertTrue(change.body().toString(), change.body().get("error").asText().contains("to watch"));

        Api li = admin.login("li", "li-secret-12");
        assertEquals(403, li.get("lessons/wang-1").status());
        assertEquals("beyond the school: only what the review published, none yet", List.of(), ids(li.get("lessons").body()));
        assertEquals(200, li.get("users/me").status());

        // the review: asked for, rejected with a reason the teacher reads, asked again, published; then a
        // teacher of another school finds and opens it, and nothing else of this school
        assertEquals(403, wang.post("lessons/liu-1/review-request", "").status());
        assertEquals("pending", wang.post("lessons/wang-1/review-request", "").body().at("/review/state").asText());
        assertEquals(403, wang.post("lessons/wang-1/review", "{\"decision\": \"publish\"}").status());
        assertEquals(List.of("wang-1"), ids(reviewer.get("lessons?review=pending").body()));
        assertEquals(400, reviewer.post("lessons/wang-1/review", "{\"decision\": \"reject\"}").status());
        assertEquals(200, reviewer.post("lessons/wang-1/review", "{\"decision\": \"reject\", \"reason\": \"声音太小\"}").status());
        JsonNode rejected = wang.get("lessons/wang-1").body().get("review");
        assertEquals(rejected.toString(), "rejected", rejected.get("state").asText());
        assertEquals(rejected.toString(), "声音太小", rejected.get("reason").asText());
        assertEquals(rejected.toString(), "shen", rejected.get("by").asText());
        assertEquals(403, li.get("lessons/wang-1").status());
        assertEquals(200, wang.post("lessons/wang-1/review-request", "").status());
        assertEquals("published", reviewer.post("lessons/wang-1/review", "{\"decision\": \"publish\"}").body()
                .at("/review/state").asText());
        assertEquals(List.of("wang-1"), ids(li.get("lessons?review=private").body()));
        assertEquals(200, li.get("lessons/wang-1").status());
        assertEquals(200, call(li, "GET", "/api/lessons/wang-1/files/program.mp4"));
        assertEquals(403, li.get("lessons/liu-1").status());
        assertEquals(403, li.patch("lessons/wang-1", "{\"title\": \"改\"}").status());
        assertEquals(403, li.get("devices").status());

        // a browser: the session cookie alone does not make a change
        HttpResponse<String> login = send(HttpRequest.newBuilder(URI.create(base() + "session")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"zhao\", \"password\": \"zhao-secret-1\"}")));
        assertEquals(login.body(), 200, login.statusCode());
        List<String> cookies = login.headers().allValues("Set-Cookie");
        String session = cookies.stream().filter(c -> c.startsWith("yike_session=")).findFirst().orElseThrow();
        assertTrue(session, session.contains("HttpOnly") && session.contains("SameSite=Strict"));
        String cookie = session.substring(0, session.indexOf(';'));
        String csrf = JSON.readTree(login.body()).get("csrfToken").asText();
        String newUser = "{\"name\": \"chen\", \"displayName\": \"陈老师\", \"role\": \"teacher\", \"scope\": \"" + SCHOOL
                + "\", \"password\": \"chen-secret-1\"}";
        HttpRequest.Builder forged = HttpRequest.newBuilder(URI.create(base() + "users")).header("Cookie", cookie)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(newUser));
        assertEquals(403, send(forged).statusCode());
        assertEquals(403, send(forged.copy().header("X-CSRF-Token", "guessed")).statusCode());
        assertEquals(404, admin.get("users/chen").status());
        assertEquals(201, send(forged.copy().header("X-CSRF-Token", csrf)).statusCode());
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(base() + "status")).header("Cookie", cookie).GET()).statusCode());

        // guessing: five wrong passwords lock the user out, the right one is refused then too
        for (int i = 0; i < 5; i++) assertEquals(401, anonymous.post("session", "{\"name\": \"zhang\", \"password\": \"guess-" + i + "\"}").status());
        Api.Answer locked = anonymous.post("session", "{\"name\": \"zhang\", \"password\": \"zhang-secret-1\"}");
        assertEquals(locked.toString(), 429, locked.status());
        assertTrue(admin.get("users").body().toString(), admin.get("users/zhang").status() == 200
                && admin.get("users").body().findValues("locked").stream().anyMatch(JsonNode::asBoolean));

        // the audit names the user who made each change
        JsonNode audit = admin.get("audit?count=500").body();
        assertTrue(audit.toString(), audit.findValues("action").stream().anyMatch(a -> a.asText().equals("POST /api/users"))
                && audit.toString().contains("\"user\":\"zhao\""));

        // no password anywhere it could leak
        String everything = admin.get("users").body() + "" + audit + Files.readString(data.resolve("yike.log"));
        for (String secret : List.of("zhang-secret-1", "zhao-secret-1", "wang-secret-1", "li-secret-12", "chen-secret-1")) {
            assertFalse(secret + " leaked", everything.contains(secret));
        }
    }

    /** The permission table of docs/access.md, each row with a concrete call. */
    private static List<Row> table() throws Exception {
        String page = Files.readString(Path.of(System.getProperty("yike.permissions")));
        // the page's other tables list calls too: only this section's rows
        String table = page.substring(page.indexOf("\n## Who may make which call")).split("\n## ", 3)[1];
        Matcher m = Pattern.compile("(?m)^\\| `(GET|POST|PUT|PATCH|DELETE) (/[^`]*)`[^|]*\\|(.*)\\|\\s*$").matcher(table);
        List<Row> rows = new ArrayList<>();
        while (m.find()) {
            String[] cells = m.group(3).split("\\|");
            String path = m.group(2).replace("{bells,calendar,lessons}", "bells");
            rows.add(new Row(m.group(1), path, cells[5].strip().startsWith("✓"), cells[1].strip().startsWith("✓"),
                    cells[6].strip().startsWith("✓")));
        }
        return rows;
    }

    /** The status of a call as the row names it, with a body no call takes (so nothing changes), as {@code api}'s caller. */
    private int call(Api api, String method, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        switch (method) {
            case "GET" -> request.GET();
            case "DELETE" -> request.DELETE();
            case "PUT" -> request.header("Content-Type", "text/plain").PUT(HttpRequest.BodyPublishers.ofString("not a timetable"));
            default -> request.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString("[]"));
        }
        if (api.bearer() != null) request.header("Authorization", "Bearer " + api.bearer());
        try {
            // the status once the headers are in: a stream (events, a live picture) need not end for it
            HttpResponse<java.io.InputStream> r = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            r.body().close();
            return r.statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.IOException(method + " " + path + ": " + e.getMessage(), e);
        }
    }

    static void user(Api admin, String name, String displayName, String role, String scope, String password) throws Exception {
        ObjectNode u = JSON.createObjectNode().put("name", name).put("displayName", displayName).put("role", role).put("scope", scope)
                .put("password", password);
        Api.Answer added = admin.post("users", u.toString());
        assertEquals(added.toString(), 201, added.status());
        assertFalse(added.body().toString(), added.body().toString().contains(password));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String base() {
        return "http://127.0.0.1:" + port + "/api/";
    }

    private static List<String> ids(JsonNode page) {
        return page.get("items").findValuesAsText("id");
    }

    /** A finished lesson of {@code teacher} in room 101, titled 数学 · teacher, as the recorder leaves one. */
    static void lesson(Path data, String id, String teacher) throws Exception {
        RecordedLesson.of(id, "101").title("数学 · " + teacher).teacher(teacher).writeTo(data);
    }
}
