import { createMemoryStore } from '../../adapters/memory-store/index.js';
import { runInstancesContract } from '../contract/instances.contract.js';

// Two engines over one memory store are two instances over one database: the store is one object, its signals in-process.
runInstancesContract({
  name: 'memory store',
  shared: async () => {
    const store = createMemoryStore();
    return { connect: async () => store, close: () => store.close() };
  },
});
