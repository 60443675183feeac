package org.mitra.directory.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One computation per answer and version however many readers ask at once, and an answer of an earlier version given
 * while it runs only when the two versions differ in capacity alone. Plain threads and latches, no database: the
 * versions are made up here, {@link DirectoryVersionTest} shows the database makes them.
 */
class VersionedCacheTest {
    static final UUID EPOCH = UUID.randomUUID();
    static final Optional<DirectoryVersion.Stamp> AT_1 = stamp(1, 1);
    /** A capacity report after AT_1: membership unchanged. */
    static final Optional<DirectoryVersion.Stamp> CAPACITY_CHANGED = stamp(2, 1);
    /** A suspension after AT_1: membership changed. */
    static final Optional<DirectoryVersion.Stamp> MEMBERSHIP_CHANGED = stamp(2, 2);

    final ExecutorService readers = Executors.newCachedThreadPool();
    final VersionedCache<String, String> cache = new VersionedCache<>(10);

    @AfterEach
    void stopReaders() {
        readers.shutdownNow();
    }

    @Test
    void fiftyReadersOfTheSameVersionComputeOnce() throws Exception {
        AtomicInteger computations = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch computing = new CountDownLatch(1);
        Future<String> first = readers.submit(() -> cache.get(AT_1, "country", () -> {
            computing.countDown();
            await(release);
            return "pie #" + computations.incrementAndGet();
        }));
        assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
        List<Future<String>> others = new ArrayList<>();
        CountDownLatch arrived = new CountDownLatch(49);
        for (int reader = 0; reader < 49; reader++) {
            others.add(readers.submit(() -> {
                arrived.countDown();
                return cache.get(AT_1, "country", () -> "pie #" + computations.incrementAndGet());
            }));
        }
        releaseWhenArrived(arrived, release);

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("pie #1");
        for (Future<String> other : others) {
            assertThat(other.get(10, TimeUnit.SECONDS)).isEqualTo("pie #1");
        }
        assertThat(computations).hasValue(1);
    }

    @Test
    void whileACapacityChangeIsComputedOthersGetTheEarlierAnswerAndTheComputingReaderItsOwn() throws Exception {
        assertThat(cache.get(AT_1, "country", () -> "3 beds")).isEqualTo("3 beds");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch computing = new CountDownLatch(1);
        Future<String> reporter = readers.submit(() -> cache.get(CAPACITY_CHANGED, "country", () -> {
            computing.countDown();
            await(release);
            return "4 beds";
        }));
        assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();

        // Answered while the computation is held: it cannot have waited for it.
        assertThat(cache.get(CAPACITY_CHANGED, "country", () -> "computed twice")).isEqualTo("3 beds");

        release.countDown();
        assertThat(reporter.get(10, TimeUnit.SECONDS)).isEqualTo("4 beds");
        assertThat(cache.get(CAPACITY_CHANGED, "country", () -> "computed twice")).isEqualTo("4 beds");
    }

    @Test
    void whileAMembershipChangeIsComputedOthersWaitForItAndNeverGetTheEarlierAnswer() throws Exception {
        assertThat(cache.get(AT_1, "province", () -> "with the suspended shelter")).isEqualTo("with the suspended shelter");
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch computing = new CountDownLatch(1);
        AtomicInteger computations = new AtomicInteger();
        Future<String> first = readers.submit(() -> cache.get(MEMBERSHIP_CHANGED, "province", () -> {
            computations.incrementAndGet();
            computing.countDown();
            await(release);
            return "without it";
        }));
        assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
        CountDownLatch arrived = new CountDownLatch(1);
        Future<String> second = readers.submit(() -> {
            arrived.countDown();
            return cache.get(MEMBERSHIP_CHANGED, "province", () -> {
                computations.incrementAndGet();
                return "computed twice";
            });
        });
        releaseWhenArrived(arrived, release);

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("without it");
        assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("without it");
        assertThat(computations).hasValue(1);
    }

    @Test
    void aReaderOfAnEarlierVersionMayBeGivenALaterAnswerButNeverTheReverse() {
        cache.get(MEMBERSHIP_CHANGED, "province", () -> "later");
        assertThat(cache.get(AT_1, "province", () -> "computed")).isEqualTo("later");
        assertThat(cache.get(stamp(3, 3), "province", () -> "computed at 3")).isEqualTo("computed at 3");
    }

    @Test
    void anotherDatabaseNeverReadsWhatWasKeptForThisOne() {
        cache.get(AT_1, "province", () -> "this database");
        Optional<DirectoryVersion.Stamp> other = Optional.of(new DirectoryVersion.Stamp(UUID.randomUUID(), 1, 1));
        assertThat(cache.get(other, "province", () -> "the other")).isEqualTo("the other");
    }

    @Test
    void whenTheComputationFailsItsReaderSeesTheFailureAndAWaitingReaderComputesForItself() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch computing = new CountDownLatch(1);
        Future<String> failing = readers.submit(() -> cache.get(AT_1, "province", () -> {
            computing.countDown();
            await(release);
            throw new IllegalStateException("statement timed out");
        }));
        assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
        CountDownLatch arrived = new CountDownLatch(1);
        Future<String> waiting = readers.submit(() -> {
            arrived.countDown();
            return cache.get(AT_1, "province", () -> "computed by the second");
        });
        releaseWhenArrived(arrived, release);

        assertThatThrownBy(() -> failing.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(waiting.get(10, TimeUnit.SECONDS)).isEqualTo("computed by the second");
        assertThat(cache.get(AT_1, "province", () -> "computed by the third")).isEqualTo("computed by the third");
    }

    @Test
    void anAnswerStillRightAfterACapacityChangeIsKeptForTheNewVersionWithoutComputing() {
        cache.get(AT_1, "page 3", () -> "page 3 at 1");
        AtomicInteger asked = new AtomicInteger();
        VersionedCache.StillRight<String> untouched = (kept, keptAt, wanted) -> {
            asked.incrementAndGet();
            return true;
        };

        assertThat(cache.get(CAPACITY_CHANGED, "page 3", () -> "computed", untouched)).isEqualTo("page 3 at 1");
        assertThat(cache.get(CAPACITY_CHANGED, "page 3", () -> "computed", untouched)).isEqualTo("page 3 at 1");
        assertThat(asked).as("asked once, then kept for the new version").hasValue(1);
    }

    @Test
    void anAnswerNoLongerRightIsComputedAgainAndOneOfAnotherMembershipIsNeverAsked() {
        cache.get(AT_1, "page 3", () -> "page 3 at 1");
        assertThat(cache.get(CAPACITY_CHANGED, "page 3", () -> "page 3 at 2", (kept, keptAt, wanted) -> false))
                .isEqualTo("page 3 at 2");

        cache.get(AT_1, "page 4", () -> "page 4 at 1");
        assertThat(cache.get(MEMBERSHIP_CHANGED, "page 4", () -> "page 4 after the suspension", (kept, keptAt, wanted) -> {
            throw new AssertionError("asked across a change of membership");
        })).isEqualTo("page 4 after the suspension");
    }

    @Test
    void aTransactionThatChangedTheDirectoryComputesForItselfAndKeepsNothing() {
        cache.get(AT_1, "province", () -> "kept");
        assertThat(cache.get(Optional.empty(), "province", () -> "its own")).isEqualTo("its own");
        assertThat(cache.get(AT_1, "province", () -> "computed")).isEqualTo("kept");
    }

    @Test
    void theLeastRecentlyUsedKeyGoesFirst() {
        VersionedCache<Integer, String> small = new VersionedCache<>(2);
        small.get(AT_1, 1, () -> "one");
        small.get(AT_1, 2, () -> "two");
        small.get(AT_1, 1, () -> "computed");
        small.get(AT_1, 3, () -> "three");
        assertThat(small.size()).isEqualTo(2);
        assertThat(small.get(AT_1, 1, () -> "computed")).isEqualTo("one");
        assertThat(small.get(AT_1, 2, () -> "two again")).isEqualTo("two again");
    }

    private static Optional<DirectoryVersion.Stamp> stamp(long counter, long membership) {
        return Optional.of(new DirectoryVersion.Stamp(EPOCH, counter, membership));
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Lets the held computation go once every reader submitted is running and has had a moment to reach the cache; a
     * reader still late only makes the test weaker (it finds the answer kept), never wrong.
     */
    private static void releaseWhenArrived(CountDownLatch arrived, CountDownLatch release) throws InterruptedException {
        assertThat(arrived.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        release.countDown();
    }
}
