package org.yike.api.catalog;

import java.util.List;

/** One page of the lessons found, newest first (best match first when words were asked), and how many there are in all. */
public record LessonPage(long total, List<Lesson> items) {

    public LessonPage {
        items = List.copyOf(items);
    }
}
