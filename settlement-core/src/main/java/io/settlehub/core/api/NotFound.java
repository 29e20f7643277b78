package io.settlehub.core.api;

/** A resource the caller asked for that does not exist. */
class NotFound extends RuntimeException {
    NotFound(String what) {
        super(what + " not found");
    }
}
