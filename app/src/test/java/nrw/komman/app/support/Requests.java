package nrw.komman.app.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Request bodies as a client writes them, with sensible values to vary. */
public final class Requests {

    private Requests() {
    }

    public static Map<String, Object> volunteer(String name, String email) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("email", email);
        body.put("phone", "+49 221 555 0101");
        body.put("availability", "dienstags und donnerstags nachmittags");
        body.put("languages", List.of("ar", "de"));
        body.put("interests", List.of("LANGUAGE_SUPPORT", "ACCOMPANIMENT"));
        body.put("consent", Map.of("document", "Einwilligung Datenverarbeitung Ehrenamtskoordination",
                "version", "2024-01", "givenAt", "2025-01-15T10:00:00Z"));
        body.put("registeredOn", "2025-01-15");
        return body;
    }

    public static Map<String, Object> activity(LocalDate date, int minutes, String category) {
        Map<String, Object> body = new HashMap<>();
        body.put("date", date.toString());
        body.put("minutes", minutes);
        body.put("category", category);
        body.put("note", "Begleitung zur Ausländerbehörde");
        return body;
    }

    public static Map<String, Object> grant(int year, String amount) {
        Map<String, Object> body = new HashMap<>();
        body.put("fundingYear", year);
        body.put("programmePart", "PART_II_A");
        body.put("title", "Ankommenstreffpunkt Kalk");
        body.put("purpose", "Wöchentliches Café für Neuzugewanderte mit ehrenamtlicher Begleitung");
        body.put("requestedAmount", amount);
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        if (value == null) {
            copy.remove(key);
        } else {
            copy.put(key, value);
        }
        return copy;
    }
}
