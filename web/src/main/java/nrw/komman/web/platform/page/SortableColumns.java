package nrw.komman.web.platform.page;

import org.springframework.web.util.UriComponentsBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Column headers of a table that sort it without JavaScript: each header is a link to the same page with
 * {@code sort} and {@code dir}, keeping the filter; the sorted column carries {@code aria-sort}, and its link
 * turns the direction around. A column that cannot be sorted has no link.
 */
public final class SortableColumns {

    /** A column: its {@code sort} value (null: not sortable), its label's message key, numbers right-aligned, the first direction. */
    public record Spec(String sort, String label, boolean rightAligned, boolean newestFirst) {

        public static Spec sortable(String sort, String label) {
            return new Spec(sort, label, false, false);
        }

        public static Spec plain(String label) {
            return new Spec(null, label, false, false);
        }

        public Spec numeric() {
            return new Spec(sort, label, true, newestFirst);
        }

        /** Newest or biggest first on the first click: dates, hours. */
        public Spec descendingFirst() {
            return new Spec(sort, label, rightAligned, true);
        }
    }

    /**
     * A header as the template shows it: {@code ariaSort} is "ascending", "descending" or null (the attribute is
     * left out), {@code next} names the direction the link sorts by ("asc", "desc"), for the link's hidden words.
     */
    public record Column(String label, boolean numeric, String href, String ariaSort, String next) {
    }

    private SortableColumns() {
    }

    /**
     * The headers of a table at {@code path}, sorted now by {@code sort} in the direction {@code descending};
     * {@code keep} is the filter (null values are left out), in the order the links name it.
     */
    public static List<Column> of(String path, Map<String, ?> keep, String sort, boolean descending, List<Spec> specs) {
        List<Column> columns = new ArrayList<>(specs.size());
        for (Spec spec : specs) {
            if (spec.sort() == null) {
                columns.add(new Column(spec.label(), spec.rightAligned(), null, null, null));
                continue;
            }
            boolean current = spec.sort().equals(sort);
            boolean nextDescending = current ? !descending : spec.newestFirst();
            columns.add(new Column(spec.label(), spec.rightAligned(), link(path, keep, spec.sort(), nextDescending),
                    current ? (descending ? "descending" : "ascending") : null, nextDescending ? "desc" : "asc"));
        }
        return columns;
    }

    /** The page's address with the filter, the sort and its direction (for pagination and downloads). */
    public static String link(String path, Map<String, ?> keep, String sort, boolean descending) {
        Map<String, Object> all = new LinkedHashMap<>(keep);
        all.put("sort", sort);
        all.put("dir", descending ? "desc" : "asc");
        return address(path, all);
    }

    /** The address with the non-null parameters, encoded. */
    public static String address(String path, Map<String, ?> parameters) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath(path);
        parameters.forEach((name, value) -> {
            if (value != null && !String.valueOf(value).isEmpty()) {
                uri.queryParam(name, String.valueOf(value));
            }
        });
        return uri.encode().build().toUriString();
    }

    /** "desc" is descending; anything else ascending. */
    public static boolean descending(String dir) {
        return "desc".equalsIgnoreCase(dir);
    }
}
