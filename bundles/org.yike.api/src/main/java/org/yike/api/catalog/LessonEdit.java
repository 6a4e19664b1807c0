package org.yike.api.catalog;

import java.util.List;
import java.util.Map;

/**
 * A change to a lesson: each field that is null stays as it is. {@code chapterTitles}: a new name by
 * the chapter's {@code atMillis}. An empty title goes back to the default one. {@code sharedWith}: the
 * users (login names) the lesson is shared with from now on, replacing the earlier list.
 */
public record LessonEdit(String title, List<String> tags, Boolean protectedFromRetention, Map<Long, String> chapterTitles,
        List<String> sharedWith) {

    /** A change that leaves the sharing as it is (the 1.1 form). */
    public LessonEdit(String title, List<String> tags, Boolean protectedFromRetention, Map<Long, String> chapterTitles) {
        this(title, tags, protectedFromRetention, chapterTitles, null);
    }
}
