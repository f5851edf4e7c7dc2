'use strict';
// Reads Wirestream's enriched articles (or a routed topic) and prints one JSON line per article on stdout.
//
//   WIRESTREAM_BOOTSTRAP=HOST:PORT WIRESTREAM_REGISTRY=http://HOST:PORT \
//     node consume.js [--topic news.enriched] [--group example-kafkajs-consumer] [--format avro|json] [--max-idle SECONDS]
//
// What a consumer of Wirestream's topics needs:
// - read committed records only: the processors write in transactions. kafkajs does so by default
//   (readUncommitted: false, set here anyway so that nobody turns it off by accident);
// - a zstd codec: the pipeline compresses with zstd by default, and kafkajs knows only gzip itself. fzstd is
//   pure JavaScript (nothing to compile at install time) and only decompresses, which is all a consumer needs;
// - the schema registry client, which reads the schema id in each value and fetches that schema.
const { Kafka, CompressionTypes, CompressionCodecs, logLevel } = require('kafkajs');
const { SchemaRegistry } = require('@kafkajs/confluent-schema-registry');
const fzstd = require('fzstd');

CompressionCodecs[CompressionTypes.ZSTD] = () => ({
  async compress() {
    throw new Error('this consumer does not produce: zstd compression is not provided');
  },
  async decompress(buffer) {
    return Buffer.from(fzstd.decompress(buffer));
  },
});

function options(argv) {
  const opts = { topic: 'news.enriched', group: 'example-kafkajs-consumer', format: 'avro', maxIdle: null };
  for (let i = 0; i < argv.length; i += 2) {
    const value = argv[i + 1];
    if (value === undefined) throw new Error(`${argv[i]} needs a value`);
    switch (argv[i]) {
      case '--topic': opts.topic = value; break;
      case '--group': opts.group = value; break;
      case '--format':
        if (!['avro', 'json'].includes(value)) throw new Error(`--format must be avro or json, was ${value}`);
        opts.format = value;
        break;
      case '--max-idle': opts.maxIdle = Number(value) * 1000; break;
      default: throw new Error(`unknown argument ${argv[i]}`);
    }
  }
  for (const name of ['WIRESTREAM_BOOTSTRAP', 'WIRESTREAM_REGISTRY']) {
    if (!process.env[name]) throw new Error(`set ${name} (as for bin/wirestream)`);
  }
  return opts;
}

// What the example prints of an article; every field of EnrichedArticle.avsc is in `article`.
function line(topic, partition, message, article) {
  return JSON.stringify({
    topic,
    partition,
    offset: Number(message.offset),
    key: message.key === null ? null : message.key.toString('utf8'),
    id: article.id,
    title: article.title,
    language: article.language,
    dedup: article.dedup.status,
    publishedAt: article.publishedAt === null ? null : Number(article.publishedAt),
    entities: article.entities.map((e) => e.id),
  });
}

// kafkajs logs to stdout by default; stdout carries the articles, so its log goes to stderr.
const toStderr = () => ({ namespace, level, log }) => {
  if (level <= logLevel.WARN) process.stderr.write(`${namespace}: ${log.message}\n`);
};

async function main() {
  const opts = options(process.argv.slice(2));
  const kafka = new Kafka({
    clientId: 'example-kafkajs-consumer',
    brokers: process.env.WIRESTREAM_BOOTSTRAP.split(','),
    logLevel: logLevel.WARN,
    logCreator: toStderr,
  });
  const registry = new SchemaRegistry({ host: process.env.WIRESTREAM_REGISTRY.split(',')[0] });
  const consumer = kafka.consumer({ groupId: opts.group, readUncommitted: false });
  let printed = 0;
  let lastActivity = Date.now();
  let failure = null;

  await consumer.connect();
  await consumer.subscribe({ topic: opts.topic, fromBeginning: true });
  consumer.on(consumer.events.GROUP_JOIN, () => { lastActivity = Date.now(); });
  await consumer.run({
    // offsets are committed after each message is handled: at least once
    eachMessage: async ({ topic, partition, message }) => {
      try {
        const article = opts.format === 'avro'
          ? await registry.decode(message.value)
          : JSON.parse(message.value.toString('utf8'));
        process.stdout.write(line(topic, partition, message, article) + '\n');
        printed++;
        lastActivity = Date.now();
      } catch (e) {
        failure = e;
        throw e;
      }
    },
  });

  await new Promise((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    if (opts.maxIdle !== null) {
      const timer = setInterval(() => {
        if (failure !== null || Date.now() - lastActivity >= opts.maxIdle) {
          clearInterval(timer);
          resolve();
        }
      }, 100);
    }
  });
  await consumer.disconnect();
  if (failure !== null) throw failure;
  process.stderr.write(`${printed} articles read from ${opts.topic}\n`);
}

main().catch((e) => {
  process.stderr.write(`consume.js: ${e.stack || e}\n`);
  process.exit(1);
});
