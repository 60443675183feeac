package org.mitra.directory.services;

/** Genders a service serves; a service that names none serves everyone. */
public enum Gender { FEMALE, MALE, OTHER }
