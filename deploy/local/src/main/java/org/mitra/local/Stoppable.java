package org.mitra.local;

/** Something the launcher started and must stop again when the developer presses Ctrl-C. */
interface Stoppable {
    String name();

    void stop();
}
