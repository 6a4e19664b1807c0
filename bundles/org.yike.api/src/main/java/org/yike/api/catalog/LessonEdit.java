package org.yike.api.catalog;

import java.util.List;
import java.util.Map;

/**
 * A change to a lesson: each field that is null stays as it is. {@code chapterTitles}: a new name by
 * the chapter's {@code atMillis}. An empty title goes back to the default one.
 */
public record LessonEdit(String title, List<String> tags, Boolean protectedFromRetention, Map<Long, String> chapterTitles) {
}
