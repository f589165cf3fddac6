package io.quotewire.extraction;

/** DIRECT: a whole quoted statement; PARTIAL: quoted words inside reported speech; INDIRECT: reported speech. */
public enum QuoteType { DIRECT, PARTIAL, INDIRECT }
