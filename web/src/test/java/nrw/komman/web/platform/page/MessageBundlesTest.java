package nrw.komman.web.platform.page;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** Every text of the UI exists in German (the default) and in English, under the same key. */
class MessageBundlesTest {

    @Test
    void german_and_english_have_the_same_keys() throws IOException {
        Properties german = load("messages_de.properties");
        Properties english = load("messages.properties");

        assertThat(german.stringPropertyNames()).isNotEmpty().containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
        assertThat(german.getProperty("privacy.title")).isEqualTo("Datenschutz");
        assertThat(english.getProperty("privacy.title")).isEqualTo("Data protection");
    }

    @Test
    void no_key_is_defined_twice_so_no_text_silently_replaces_another() throws IOException {
        for (String name : java.util.List.of("messages_de.properties", "messages.properties")) {
            java.util.Map<String, Integer> seen = new java.util.HashMap<>();
            java.util.List<String> twice = new java.util.ArrayList<>();
            try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
                assertThat(in).as(name).isNotNull();
                String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    String line = lines[i].strip();
                    if (line.isEmpty() || line.startsWith("#") || !line.contains("=")) {
                        continue;
                    }
                    String key = line.substring(0, line.indexOf('=')).strip();
                    Integer earlier = seen.putIfAbsent(key, i + 1);
                    if (earlier != null) {
                        twice.add(key + " (lines " + earlier + " and " + (i + 1) + ")");
                    }
                }
            }
            assertThat(twice).as("keys defined twice in %s", name).isEmpty();
        }
    }

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
