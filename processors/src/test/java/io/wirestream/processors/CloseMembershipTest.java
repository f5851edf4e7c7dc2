package io.wirestream.processors;

import org.apache.kafka.streams.CloseOptions.GroupMembershipOperation;
import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CloseMembershipTest {

    private static Properties with(String key, String value) {
        Properties p = new Properties();
        p.put("application.id", "app");
        if (key != null) {
            p.put(key, value);
        }
        return p;
    }

    @Test
    void shouldLeaveTheGroupAsADynamicMember() {
        assertEquals(GroupMembershipOperation.LEAVE_GROUP, ProcessorApp.closeMembership(with(null, null)));
    }

    @Test
    void shouldStayInTheGroupAsAStaticMemberHoweverTheIdIsGiven() {
        for (String key : new String[] {"group.instance.id", "consumer.group.instance.id", "main.consumer.group.instance.id"}) {
            assertEquals(GroupMembershipOperation.REMAIN_IN_GROUP, ProcessorApp.closeMembership(with(key, "node-1")), key);
        }
    }
}
