import { request } from 'node:http'

export interface RawResponse {
  status: number
  body: string
}

/**
 * A request with exactly the headers given (fetch will not let a caller set Host):
 * for probing the access checks the way a hostile page or a rebound DNS name would.
 */
export function rawPost(origin: string, path: string, headers: Record<string, string>, body = '{}'): Promise<RawResponse> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const req = request(
      { host: hostname, port: Number(port), path, method: 'POST', headers: { 'Content-Type': 'application/json', ...headers } },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }))
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}
