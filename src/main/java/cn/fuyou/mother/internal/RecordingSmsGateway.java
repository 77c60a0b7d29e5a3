package cn.fuyou.mother.internal;

import cn.fuyou.mother.SmsGateway;

/** The demo gateway: the outbox row is the whole effect (nothing is sent). */
class RecordingSmsGateway implements SmsGateway {

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public Outcome send(String phone, String text) {
        return Outcome.recorded();
    }
}
