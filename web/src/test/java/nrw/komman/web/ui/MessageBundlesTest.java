package nrw.komman.web.ui;

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

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
