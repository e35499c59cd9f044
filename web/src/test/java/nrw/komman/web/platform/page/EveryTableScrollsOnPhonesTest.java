package nrw.komman.web.platform.page;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * At phone width a table wider than the screen is cut off unless it sits in a scroll region that the keyboard
 * reaches and that says it scrolls (ADR 31). The phone journey in the browser covers the coordinator's pages; this
 * check covers every template, so a table added anywhere later cannot forget its region. The region's name begins
 * with "Tabelle:" (the layout's hidden word {@code wort-tabelle}, or the budgets' "Tabelle: …" label), so that it never
 * has the name of the section its heading also names: axe counts two landmarks of one name as a violation.
 */
class EveryTableScrollsOnPhonesTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern REGION = Pattern.compile("<div([^>]*\\bclass=\"table-scroll\"[^>]*)>");

    @Test
    void every_table_sits_in_a_named_keyboard_reachable_scroll_region_with_its_hint() throws IOException {
        List<String> problems = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file);
                int tables = count(html, Pattern.compile("<table[\\s>]"));
                List<String> regions = new ArrayList<>();
                Matcher m = REGION.matcher(html);
                while (m.find()) {
                    regions.add(m.group(1));
                }
                if (tables > regions.size()) {
                    problems.add(TEMPLATES.relativize(file) + ": " + tables + " tables, " + regions.size() + " scroll regions");
                }
                for (String attributes : regions) {
                    boolean complete = attributes.contains("role=\"region\"") && attributes.contains("tabindex=\"0\"")
                            && attributes.contains("table.scroll-hint")
                            && (attributes.contains("aria-labelledby=\"wort-tabelle ") || attributes.contains("table-region"));
                    if (!complete) {
                        problems.add(TEMPLATES.relativize(file) + ": a scroll region without role, tabindex, name or hint:"
                                + attributes);
                    }
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void the_words_that_begin_a_regions_name_are_on_every_page_and_name_the_charts_too() throws IOException {
        String layout = Files.readString(TEMPLATES.resolve("layout.html"));
        assertThat(layout).contains("<span id=\"wort-tabelle\" hidden th:text=\"#{table.region-word}\">",
                "<span id=\"wort-diagramm\" hidden th:text=\"#{chart.region-word}\">");
        assertThat(Files.readString(TEMPLATES.resolve("charts.html")))
                .contains("role=\"region\" tabindex=\"0\" th:aria-labelledby=\"${'wort-diagramm ' + id + '-titel'}\"");
    }

    private static int count(String html, Pattern pattern) {
        Matcher m = pattern.matcher(html);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }
}
