package org.carepath.clinicview.projection;

import java.util.List;
import org.carepath.clinicview.figures.FigureCollections;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code CLINIC_VIEW_REBUILD=true}: the read model is dropped at start-up, before the consumers start, and the
 * consumers read every topic again from the beginning of the log (their offsets reset, application.yml), so the
 * model is built afresh from the events alone.
 */
@Component
@ConditionalOnBooleanProperty("carepath.clinic-view.rebuild")
class ReadModelRebuild implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(ReadModelRebuild.class);

    static final List<String> COLLECTIONS = List.of(
            "episode_views",
            FigureCollections.DAYS,
            FigureCollections.SITE_DAYS,
            FigureCollections.WAITLISTS,
            FigureCollections.SITES);

    private final MongoTemplate mongo;

    ReadModelRebuild(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public void afterPropertiesSet() {
        COLLECTIONS.forEach(mongo::dropCollection);
        log.info("Read model dropped; the consumers replay every topic from the beginning");
    }
}
