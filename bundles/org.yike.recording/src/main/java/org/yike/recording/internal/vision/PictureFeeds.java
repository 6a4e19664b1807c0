package org.yike.recording.internal.vision;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.yike.api.device.Source;
import org.yike.api.vision.PictureRequest;
import org.yike.api.vision.PictureSource;
import org.yike.api.vision.PictureSubscription;
import org.yike.api.vision.Pictures;

/**
 * The pictures of the cameras that running lessons read, for analysis plugins. Each video source of a
 * lesson gets a {@link PictureTap} that its reader hands its pictures to; a tap works only while some
 * subscription wants its source, so a runtime without analysis plugins spends nothing here.
 */
@Component(service = {Pictures.class, PictureFeeds.class})
public class PictureFeeds implements Pictures {

    private final List<PictureTap> taps = new CopyOnWriteArrayList<>();
    private final List<Feed> feeds = new CopyOnWriteArrayList<>();

    /** The tap of {@code source} as lesson {@code lesson} in {@code room} reads it, listed until that lesson ends. */
    public PictureTap tap(String room, String lesson, Source source) {
        PictureTap tap = new PictureTap(new PictureSource(room, lesson, source.key(), source.role()), feeds);
        taps.add(tap);
        return tap;
    }

    /** The lesson {@code id} ended: its sources are read no more. */
    public void endLesson(String id) {
        for (PictureTap t : taps) {
            if (Objects.equals(t.source().lesson(), id)) {
                taps.remove(t);
                t.close();
            }
        }
    }

    @Override
    public List<PictureSource> sources() {
        return taps.stream().map(PictureTap::source)
                .sorted(Comparator.comparing(PictureSource::room).thenComparing(PictureSource::key)).toList();
    }

    @Override
    public PictureSubscription subscribe(PictureRequest request) {
        Feed feed = new Feed(Objects.requireNonNull(request, "request"), feeds::remove);
        feeds.add(feed);
        return feed;
    }

    /** The runtime stopping: subscribers see their subscriptions closed. */
    @Deactivate
    void deactivate() {
        feeds.forEach(Feed::close);
        taps.forEach(PictureTap::close);
        taps.clear();
    }
}
