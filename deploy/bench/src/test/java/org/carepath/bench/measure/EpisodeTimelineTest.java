package org.carepath.bench.measure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EpisodeTimelineTest {

    @Test
    void keepsTheFirstSightingOfAnEpisodeOnAHop() {
        EpisodeTimeline timeline = new EpisodeTimeline();

        timeline.seen("e1", Hop.SCHEDULING, 100);
        timeline.seen("e1", Hop.SCHEDULING, 200); // a waitlisting after the booking, or a redelivery

        assertThat(timeline.firstSeen("e1", Hop.SCHEDULING)).hasValue(100);
        assertThat(timeline.seenCount(Hop.SCHEDULING)).isEqualTo(1);
    }

    @Test
    void knowsNothingOfAnEpisodeNotSeen() {
        EpisodeTimeline timeline = new EpisodeTimeline();
        timeline.seen("e1", Hop.INTAKE, 100);

        assertThat(timeline.firstSeen("e1", Hop.BILLING)).isEmpty();
        assertThat(timeline.firstSeen("e2", Hop.INTAKE)).isEmpty();
    }
}
