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

    @Test
    void countsAnEpisodeBookedAndEstimatedOnceWhicheverComesFirst() {
        EpisodeTimeline timeline = new EpisodeTimeline();

        timeline.seen("e1", Hop.SCHEDULING, 100);
        timeline.seen("e2", Hop.BILLING, 110);
        timeline.seen("e3", Hop.TRIAGE, 120);
        assertThat(timeline.bookedAndEstimatedCount()).isZero();

        timeline.seen("e1", Hop.BILLING, 130);
        timeline.seen("e2", Hop.SCHEDULING, 140);
        timeline.seen("e1", Hop.BILLING, 150); // a redelivery
        timeline.seen("e1", Hop.SCHEDULING, 160);

        assertThat(timeline.bookedAndEstimatedCount()).isEqualTo(2);
    }
}
