/**
 * Passwords and base words that appear at the top of every published breach-frequency list.
 * A password is refused when it equals one of COMMON_PASSWORDS, or when what is left after
 * removing digits, symbols and spaces is one of COMMON_WORDS ("Password2024!" → "password").
 * Written for this project from well-known public frequency rankings; extend freely.
 */
const PASSWORDS = `
123456789012 1234567890123 12345678901234 123123123123 111111111111 000000000000 123456123456
qwertyuiop12 qwertyuiop123 qwerty123456 1q2w3e4r5t6y 1q2w3e4r5t6y7u 1qaz2wsx3edc 1qazxsw23edc
zaq12wsxcde3 qazwsxedcrfv qwertyuiopas asdfghjkl123 zxcvbnm12345 password1234 password12345
passw0rd1234 p@ssw0rd1234 iloveyou1234 iloveyouiloveyou welcome12345 letmein12345 trustno1trustno1
correcthorsebatterystaple correct horse battery staple mypasswordis changeme1234 changemenow1
administrator administrator1 admin1234567 adminadmin123 rootroot1234 football1234 baseball1234
princess1234 sunshine1234 superman1234 starwars1234 whatever1234 babygirl1234 blink182blink
abcdefghijkl abcd12345678 abc123abc123 a1b2c3d4e5f6 q1w2e3r4t5y6 zaq1zaq1zaq1 monkeymonkey
dragondragon mustang12345 michael12345 jennifer1234 jordan231234 harley123456 ranger123456
thomas123456 hunter123456 buster123456 soccer123456 hockey123456 killer123456 george123456
charlie12345 andrew123456 michelle1234 lovelylovely jessica12345 pepper123456 daniel123456
access123456 yankees12345 joshua123456 maggie123456 ginger123456 amanda123456 summer123456
ashley123456 nicole123456 chelsea12345 biteme123456 matthew12345 yellow123456 freedom12345
computer1234 internet1234 samsung12345 newyork12345 london123456 liverpool123 arsenal12345
manchester12 barcelona123 realmadrid12 chocolate123 butterfly123 pokemon12345 minecraft123
fortnite1234 naruto123456 spiderman123 batman123456 starwars1977 secret123456 security1234
cybersecurity 1234567890qwerty qwerty1234567890 1234qwerasdfzxcv qweasdzxc123 asdasdasdasd
qweqweqweqwe zxczxczxczxc 147258369147 159753159753 789456123789 741852963741 963852741963
123654789123 987654321098 098765432109 112233445566 121212121212 123321123321 520520520520
666666666666 777777777777 888888888888 999999999999 aaaaaaaaaaaa summer2024!! winter2024!!
spring2025!! autumn2025!! january2025! welcome2024! password2024 password2025 password2026
`;

const WORDS = `
password passwort parool salasana losenord haslo wachtwoord motdepasse contrasena senha
welcome letmein iloveyou qwerty qwertz azerty admin administrator root guest user login
sunshine monkey dragon football baseball soccer hockey princess trustno master shadow superman
batman spiderman michael jennifer jordan harley ranger thomas hunter buster killer george charlie
andrew michelle lovely jessica pepper daniel access yankees joshua maggie ginger amanda summer
winter spring autumn ashley nicole chelsea biteme matthew yellow freedom computer internet samsung
secret security changeme default abcdef abcdefgh abcdefghijkl qwertyuiop asdfghjkl zxcvbnm
qazwsx qwer asdf zxcv pass test testing temp temporary hello whatever mustang starwars pokemon
minecraft fortnite naruto chocolate butterfly liverpool arsenal barcelona realmadrid manchester
london newyork berlin paris tallinn stockholm helsinki city cityhall council municipality
january february march april june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
`;

function list(text: string): Set<string> {
  return new Set(text.split(/\s+/).filter(Boolean));
}

export const COMMON_PASSWORDS: ReadonlySet<string> = new Set([...list(PASSWORDS), 'correct horse battery staple']);

export const COMMON_WORDS: ReadonlySet<string> = list(WORDS);
