import { benchStore } from './store'

for (const line of await benchStore()) console.log(line)
