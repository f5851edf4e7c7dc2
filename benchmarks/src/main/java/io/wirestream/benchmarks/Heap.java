package io.wirestream.benchmarks;

/** Heap measurement for the footprint tools. */
public final class Heap {

    private Heap() {
    }

    /**
     * Used heap after asking for three full collections, 100 ms apart. {@link System#gc()} is a request, so
     * the figure is approximate: good for retained sizes of tens of megabytes, not for a few kilobytes.
     */
    public static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
