package io.quotewire.query.web;

import io.quotewire.query.api.EntitiesApi;
import io.quotewire.query.api.model.EntityCorrection;
import io.quotewire.query.api.model.EntityMergeRequest;
import io.quotewire.query.api.model.EntityPage;
import io.quotewire.query.api.model.EntityProfile;
import io.quotewire.query.api.model.EntitySplitRequest;
import io.quotewire.query.api.model.EntityType;
import io.quotewire.query.api.model.TimelineInterval;
import io.quotewire.query.index.EntityCorrections;
import io.quotewire.query.read.EntityQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.time.OffsetDateTime;
import java.util.List;

/** The generated interface has method-level paths only, hence the root path here. */
@Path("/")
public class EntityResource implements EntitiesApi {

    @Inject
    EntityQueries entities;

    @Inject
    EntityCorrections corrections;

    @Override
    public EntityProfile getEntity(Long id, TimelineInterval interval, OffsetDateTime from, OffsetDateTime to) {
        return entities.profile(id, interval, from, to);
    }

    @Override
    public EntityPage searchEntities(String q, EntityType type, Integer limit, String cursor) {
        return entities.search(q, type, limit, cursor);
    }

    @Override
    public List<EntityCorrection> mergeEntities(Long id, EntityMergeRequest request) {
        return corrections.merge(id, request);
    }

    @Override
    public EntityCorrection splitEntity(Long id, EntitySplitRequest request) {
        return corrections.split(id, request);
    }
}
