package io.quotewire.extraction;

public enum EntityType { PERSON, ORGANIZATION, LOCATION }
