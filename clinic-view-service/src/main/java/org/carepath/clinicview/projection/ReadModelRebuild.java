package org.carepath.clinicview.projection;

import java.util.List;
import org.carepath.clinicview.figures.FigureCollections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code CLINIC_VIEW_REBUILD=true}: the read model is dropped at start-up, before the consumers start, and the
 * consumers read every topic again from the beginning of the log (their offsets reset, application.yml), so the
 * model is built afresh from the events alone.
 *
 * <p>The flag is read when the bean starts, not by a condition on the bean: the local stack runs the service's
 * ahead-of-time processed context, whose conditions were settled when the jar was built.
 */
@Component
class ReadModelRebuild implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    static final List<String> COLLECTIONS = List.of(
            "episode_views",
            FigureCollections.DAYS,
            FigureCollections.SITE_DAYS,
            FigureCollections.WAITLISTS,
            FigureCollections.SITES);

    private final MongoTemplate mongo;
    private final boolean requested;

    ReadModelRebuild(MongoTemplate mongo, @Value("${carepath.clinic-view.rebuild:false}") boolean requested) {
        this.mongo = mongo;
        this.requested = requested;
    }

    @Override
    public void afterPropertiesSet() {
        if (!requested) {
            return;
        }
        COLLECTIONS.forEach(mongo::dropCollection);
        log.info("Read model dropped; the consumers replay every topic from the beginning");
    }
}
