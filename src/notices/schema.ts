/**
 * The notice texts of a change summary, one per channel, as they appear in the summary JSON.
 */
import {z} from 'zod'

const smsSchema = z.strictObject({
  text: z.string(),
  encoding: z.enum(['gsm7', 'ucs2']).describe('gsm7 when every character is in the GSM 03.38 alphabet, else ucs2'),
  length: z.number().int().describe('Length as the network counts it: GSM-7 septets or UCS-2 code units'),
  segments: z.number().int().describe('Messages the text is sent as: 1 up to 160 (gsm7) / 70 (ucs2), else ceil(length / 153 or 67)')
})

/** The schema of `notices` in a change summary. */
export const noticesSchema = z
  .strictObject({
    locale: z.string().describe('Locale of the templates the texts come from (the summary locale or its fallback)'),
    popup: z.strictObject({
      title: z.string(),
      body: z.string(),
      buttons: z.strictObject({view: z.string().describe('Opens `link`'), dismiss: z.string().describe('Closes the pop-up')}),
      link: z.string().describe('The diff page of this change')
    }),
    push: z.strictObject({title: z.string(), body: z.string(), link: z.string().describe('Opened when the notification is tapped')}),
    sms: smsSchema,
    email: z.strictObject({subject: z.string(), html: z.string().describe('A whole HTML document; every value escaped'), text: z.string()})
  })
  .describe('Notice texts per channel, rendered from templates/notices/; lengths are checked by `policypress check`')

/** The notice texts of one change summary. */
export type Notices = z.infer<typeof noticesSchema>

/** The plain texts a locale's templates produce, before the SMS is measured. */
export interface NoticeTexts {
  popup: Notices['popup']
  push: Notices['push']
  sms: string
  email: Notices['email']
}
