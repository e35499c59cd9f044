package nrw.komman.kernel.activity;

import nrw.komman.kernel.centre.*;
import nrw.komman.kernel.common.*;
import nrw.komman.kernel.grant.*;
import nrw.komman.kernel.volunteer.*;

import java.time.*;
import java.util.*;

/**
 * One page of a centre's activity log. The log lists withdrawn entries too (marked); every total counts only the
 * others, so the count people read is {@link #countedItems()}, said together with the withdrawn ones where they are
 * listed ("3 Einträge, davon 1 zurückgenommen").
 *
 * @param totalItems     all entries matching, withdrawn ones included (for paging)
 * @param withdrawnItems of those, the withdrawn ones
 */
public record ActivityPage(List<ActivityView> items, int page, int size, long totalItems, long withdrawnItems) {

    /** The entries that count: not withdrawn. */
    public long countedItems() {
        return totalItems - withdrawnItems;
    }
}
