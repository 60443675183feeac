package org.mitra.local;

/** How one component of the local platform came out of startup. */
public record ComponentStatus(String name, String url, State state, String detail) {
    public enum State { READY, NOT_BUILT, FAILED, NOT_READY }

    public boolean ready() {
        return state == State.READY;
    }
}
