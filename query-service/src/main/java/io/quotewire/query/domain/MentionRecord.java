package io.quotewire.query.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One place where an entity is named in a document. */
@Entity
@Table(name = "mentions")
public class MentionRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mentions_id")
    @SequenceGenerator(name = "mentions_id", sequenceName = "mentions_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "document_id", nullable = false)
    public UUID documentId;

    @Column(name = "entity_id", nullable = false)
    public Long entityId;

    /** The entity row of the name it came with (see EntityResolver.Resolved); entity_id follows its merges. */
    @Column(name = "key_entity_id")
    public Long keyEntityId;

    @Column(name = "start_offset", nullable = false)
    public int start;

    @Column(name = "end_offset", nullable = false)
    public int end;

    public String text;

    /** Copy of the document's sort_at (timelines, newest articles of an entity). */
    @Column(name = "sort_at", nullable = false)
    public OffsetDateTime sortAt;
}
