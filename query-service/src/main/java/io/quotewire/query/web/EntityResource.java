package io.quotewire.query.web;

import io.quotewire.query.api.EntitiesApi;
import io.quotewire.query.api.model.EntityPage;
import io.quotewire.query.api.model.EntityProfile;
import io.quotewire.query.api.model.EntityType;
import io.quotewire.query.service.EntityQueries;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

/** The generated interface has method-level paths only, hence the root path here. */
@Path("/")
public class EntityResource implements EntitiesApi {

    @Inject
    EntityQueries entities;

    @Override
    public EntityProfile getEntity(Long id) {
        return entities.profile(id);
    }

    @Override
    public EntityPage searchEntities(String q, EntityType type, Integer limit, String cursor) {
        return entities.search(q, type, limit, cursor);
    }
}
