package io.newsflow.publish.webhooks;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The pending deliveries of a task, in two changelogged stores written together (in the same transaction under
 * exactly-once): the deliveries by id, and an index by due time (keys {@code <due millis, 15 digits>/<id>}, which
 * sort by time) so finding what is due reads only the due ones instead of every pending delivery.
 */
final class DeliverySchedule {

    private final KeyValueStore<String, PendingDelivery> deliveries;
    private final KeyValueStore<String, String> due;

    DeliverySchedule(KeyValueStore<String, PendingDelivery> deliveries, KeyValueStore<String, String> due) {
        this.deliveries = deliveries;
        this.due = due;
    }

    PendingDelivery get(String deliveryId) {
        return deliveries.get(deliveryId);
    }

    void add(PendingDelivery delivery) {
        deliveries.put(delivery.deliveryId(), delivery);
        due.put(dueKey(delivery), delivery.deliveryId());
    }

    void replace(PendingDelivery before, PendingDelivery after) {
        due.delete(dueKey(before));
        add(after);
    }

    void remove(PendingDelivery delivery) {
        due.delete(dueKey(delivery));
        deliveries.delete(delivery.deliveryId());
    }

    /** Up to {@code limit} deliveries due at {@code now}, earliest first, leaving out those {@code skip} names. */
    List<PendingDelivery> dueAt(Instant now, int limit, Predicate<String> skip) {
        List<PendingDelivery> result = new ArrayList<>();
        String last = timeKey(now.toEpochMilli()) + "/\uffff";
        try (KeyValueIterator<String, String> entries = due.all()) {
            while (entries.hasNext() && result.size() < limit) {
                KeyValue<String, String> entry = entries.next();
                if (entry.key.compareTo(last) > 0) {
                    break;
                }
                if (!skip.test(entry.value)) {
                    PendingDelivery delivery = deliveries.get(entry.value);
                    if (delivery != null) {
                        result.add(delivery);
                    }
                }
            }
        }
        return result;
    }

    static String dueKey(PendingDelivery delivery) {
        return timeKey(delivery.nextAttemptAt().toEpochMilli()) + "/" + delivery.deliveryId();
    }

    private static String timeKey(long epochMillis) {
        return String.format("%015d", epochMillis);
    }
}
