from learn.markup import render, word_count

"""The shipped reads, in English and Spanish, written for HipMob from the facts in
shared/docs/clinical.md and product.md. Content as code: loaded by the data migration,
by `seed_demo` and by the tests' `reads` fixture (all through `load`); admins may edit
the rows afterwards."""

ALL_EXERCISES = [
    "hip-flexor-stretch",
    "glute-bridge",
    "clamshell",
    "lunge-with-twist",
    "deep-squat",
    "hamstring-stretch",
    "butterfly-stretch",
    "figure-four-stretch",
    "ninety-ninety-switch",
    "bird-dog",
    "dead-bug",
    "cat-camel",
    "childs-pose",
]

READS = [
    {
        "slug": "why-hips",
        "exercises": [
            "hip-flexor-stretch",
            "ninety-ninety-switch",
            "figure-four-stretch",
            "butterfly-stretch",
            "hamstring-stretch",
        ],
        "sources": (
            "Roach et al.: hip movement in people with chronic low back pain — https://pmc.ncbi.nlm.nih.gov/articles/PMC4325283\n"
            "Prather et al.: hip range of motion in a back pain clinic — https://pmc.ncbi.nlm.nih.gov/articles/PMC8898168\n"
            "Ceballos-Laita et al. 2023, hip interventions in low back pain (review) — https://www.pubmed.gov/37037144/"
        ),
        "en": {
            "title": "Why your hips matter for your back",
            "summary": "When the hips are stiff, the lower back does their share of the moving.",
            "alt": "Two people bending forward. In grey, one rounds the lower back; in black, the other bends at the hips with a straight back, and the hips are highlighted.",
            "body": """Your hips and your lower back work as a team. When you bend to pick something up, get out of a chair or take a long stride, much of the movement should come from the hips.

If the hips are stiff, the lower back makes up the difference. It bends and twists more than it needs to, many times a day, and that extra work can keep a sore back sore.

## What studies have found

- People with long-lasting low back pain had about 11 degrees less backward movement at the hip than people without back pain.
- In one clinic, 8 in 10 people with low back pain could bend their hips less than usual, and those with the stiffest hips found daily life harder.

These studies show a link. They don't prove that stiff hips cause back pain. But they are one reason your clinician chose exercises that free up and strengthen your hips.

## What this means for you

- The stretches help your hips move through more of their range, so your back has less to do.
- The strength exercises help the muscles around your hips and middle hold you steady.
- You should feel a stretch or some effort around the hips, not pain in your back.
""",
        },
        "es": {
            "title": "Por qué sus caderas importan para su espalda",
            "summary": "Cuando las caderas están rígidas, la parte baja de la espalda hace el movimiento que les toca a ellas.",
            "alt": "Dos personas inclinándose hacia delante. En gris, una curva la parte baja de la espalda; en negro, la otra se dobla por las caderas con la espalda recta, y las caderas están resaltadas.",
            "body": """Las caderas y la parte baja de la espalda trabajan en equipo. Cuando usted se agacha a recoger algo, se levanta de una silla o da un paso largo, gran parte del movimiento debería salir de las caderas.

Si las caderas están rígidas, la parte baja de la espalda compensa. Se dobla y gira más de lo necesario, muchas veces al día, y ese trabajo de más puede hacer que el dolor de espalda no se vaya.

## Lo que han visto los estudios

- Las personas con dolor lumbar de larga duración movían la cadera hacia atrás unos 11 grados menos que las personas sin dolor de espalda.
- En una clínica, 8 de cada 10 personas con dolor lumbar doblaban las caderas menos de lo normal, y quienes tenían las caderas más rígidas tenían más dificultades en el día a día.

Estos estudios muestran una relación. No demuestran que las caderas rígidas causen el dolor de espalda. Pero son una de las razones por las que su profesional sanitario eligió ejercicios que dan movilidad y fuerza a sus caderas.

## Lo que esto significa para usted

- Los estiramientos ayudan a que sus caderas se muevan más, así su espalda tiene menos trabajo.
- Los ejercicios de fuerza ayudan a que los músculos de las caderas y del tronco le sostengan con firmeza.
- Debería notar un estiramiento o algo de esfuerzo alrededor de las caderas, no dolor en la espalda.
""",
        },
    },
    {
        "slug": "what-the-evidence-shows",
        "exercises": ["glute-bridge", "clamshell", "hip-flexor-stretch"],
        "sources": (
            "Ceballos-Laita et al. 2023, Braz J Phys Ther 27(2):100502 (8 trials, 508 people) — https://www.pubmed.gov/37037144/\n"
            "Ostelo et al. 2008, what counts as a meaningful change in back pain — https://paperexplained.cn/articles/paper/detail/c63b17f341638e994cd27cc6d09b4f05e220d5cc\n"
            "NICE guideline NG59, low back pain and sciatica (summary: Bernstein et al., BMJ 2017;356:i6748)"
        ),
        "en": {
            "title": "What the research shows, and what it doesn't",
            "summary": "Hip exercises can help a little, in the short term, alongside your other care.",
            "alt": "A 0 to 10 pain scale. A short arrow shows the average improvement in the studies, less than 1 point; a longer bracket shows the 2 points that people usually find meaningful.",
            "body": """It's fair to ask whether these exercises work. Here is an honest answer.

## What it shows

A review in 2023 brought together 8 trials with 508 people with low back pain. Adding hip strengthening or hip stretching to the usual back exercises helped with pain and with everyday activities **in the short term**.

## What it doesn't show

- **The benefit was modest.** On a pain scale of 0 to 10, the average improvement was less than 1 point. A change people usually find meaningful is about 2 points.
- **It didn't last in the studies.** No benefit was shown after several months.
- **The evidence is weak.** The trials were small, and their results varied.
- **None of this is a cure.** Exercise helps many people manage back pain. It doesn't make it disappear.

## So why do it?

Guidelines for low back pain put exercise at the heart of treatment: stretching, strengthening, yoga and similar. Hip exercises are one part of that, and they can only help if you do them. That is what HipMob is for.

HipMob supports the care your clinician gives you. It doesn't replace it, and it can't diagnose anything. If something worries you, talk to your clinician.
""",
        },
        "es": {
            "title": "Lo que muestra la investigación, y lo que no",
            "summary": "Los ejercicios de cadera pueden ayudar un poco, a corto plazo, junto con el resto de su tratamiento.",
            "alt": "Una escala de dolor de 0 a 10. Una flecha corta muestra la mejora media de los estudios, menos de 1 punto; un corchete más largo muestra los 2 puntos que la gente suele notar de verdad.",
            "body": """Es normal preguntarse si estos ejercicios funcionan. Esta es una respuesta sincera.

## Lo que muestra

Una revisión de 2023 reunió 8 ensayos con 508 personas con dolor lumbar. Añadir ejercicios de fuerza o estiramientos de cadera a los ejercicios de espalda habituales ayudó con el dolor y con las actividades del día a día **a corto plazo**.

## Lo que no muestra

- **La mejora fue pequeña.** En una escala de dolor de 0 a 10, la mejora media fue de menos de 1 punto. Un cambio que la gente suele notar de verdad es de unos 2 puntos.
- **En los estudios no duró.** Pasados varios meses no se vio ninguna mejora.
- **Las pruebas son débiles.** Los ensayos eran pequeños y sus resultados variaban.
- **Nada de esto es una cura.** El ejercicio ayuda a muchas personas a manejar el dolor de espalda. No hace que desaparezca.

## Entonces, ¿por qué hacerlos?

Las guías para el dolor lumbar ponen el ejercicio en el centro del tratamiento: estiramientos, fuerza, yoga y parecidos. Los ejercicios de cadera son una parte de eso, y solo pueden ayudar si usted los hace. Para eso está HipMob.

HipMob apoya la atención que le da su profesional sanitario. No la sustituye y no puede diagnosticar nada. Si algo le preocupa, hable con su profesional sanitario.
""",
        },
    },
    {
        "slug": "soreness-or-warning-sign",
        "exercises": ALL_EXERCISES,
        "sources": (
            "Pain-monitoring model (Silbernagel et al. 2007), as explained by Evidence for Exercise — https://evidenceforexercise.com/topic/l3-how-to-prescribe-them-part-2/\n"
            "NHS inform, exercises for back pain — https://nhsinform-22072020-0700.azurewebsites.net/illnesses-and-conditions/muscle-bone-and-joints/exercises/exercises-for-back-pain\n"
            "Royal Free London NHS, cauda equina syndrome leaflet — https://royalfree.nhs.uk/patients-and-visitors/patient-information-leaflets/cauda-equina-syndrome\n"
            "NICE CKS, red flags in back pain — http://www.cks.nhs.uk/sciatica_lumbar_radiculopathy/management/scenario_diagnosis/assessing_for_serious_risks_red_flags/interpreting_red_flags"
        ),
        "en": {
            "title": "Normal soreness, or a warning sign?",
            "summary": "Some stretch and effort are expected. Here is when to ease off, and when to stop and get help.",
            "alt": "A 0 to 10 scale in three parts: a tick from 0 to 3, a pause sign at 4 and 5, and a stop sign above 5.",
            "body": """Exercise for a sore back can feel uncomfortable at times. That doesn't mean it is doing harm.

## Usually fine

- A mild stretch, or a feeling of effort in the muscles you are working.
- Pain during an exercise that stays at 5 out of 10 or lower, and has settled by the next morning.
- Some stiffness the day after a new exercise, which eases as you move.

## Ease off, and tell your clinician

- Pain above 5 out of 10 during an exercise.
- Your back is worse the next morning than it was before the session.
- Pain that spreads down a leg, or a new pain you haven't had before.
- No improvement at all after 2 weeks.

Stop that exercise, choose the easier version or a bad-back day, and let your clinician know. HipMob tells them about high scores too.

## Stop and get help

Some signs need a doctor, not exercise: new numbness between your legs or around your bottom, new trouble passing urine or controlling your bowels, weakness in both legs, a fever with back pain, or pain after a fall.

If you notice any of these, [answer the safety questions](/safety/) now. For numbness between your legs, bladder or bowel changes, or weakness in both legs, call 999 or go to A&E straight away.
""",
        },
        "es": {
            "title": "¿Molestia normal o señal de alarma?",
            "summary": "Es normal notar algo de estiramiento y esfuerzo. Aquí verá cuándo bajar el ritmo y cuándo parar y pedir ayuda.",
            "alt": "Una escala de 0 a 10 en tres partes: una marca de visto bueno de 0 a 3, un símbolo de pausa en 4 y 5, y una señal de stop por encima de 5.",
            "body": """Hacer ejercicio con la espalda dolorida a veces resulta incómodo. Eso no quiere decir que le esté haciendo daño.

## Normalmente no pasa nada

- Un estiramiento suave, o notar esfuerzo en los músculos que está trabajando.
- Dolor durante un ejercicio que no pasa de 5 sobre 10 y que se ha calmado a la mañana siguiente.
- Algo de rigidez el día después de un ejercicio nuevo, que mejora al moverse.

## Baje el ritmo y avise a su profesional sanitario

- Dolor de más de 5 sobre 10 durante un ejercicio.
- Su espalda está peor a la mañana siguiente que antes de la sesión.
- Dolor que baja por una pierna, o un dolor nuevo que no había tenido antes.
- Ninguna mejora después de 2 semanas.

Deje ese ejercicio, elija la versión más fácil o el modo de día malo de espalda, y avise a su profesional sanitario. HipMob también le avisa cuando las puntuaciones son altas.

## Pare y pida ayuda

Algunas señales necesitan un médico, no ejercicio: entumecimiento nuevo entre las piernas o alrededor del trasero, problemas nuevos para orinar o para controlar el intestino, debilidad en las dos piernas, fiebre con dolor de espalda, o dolor después de una caída.

Si nota alguna de estas señales, [responda ahora a las preguntas de seguridad](/safety/). Si tiene entumecimiento entre las piernas, cambios al orinar o al ir al baño, o debilidad en las dos piernas, llame al 999 o vaya a urgencias (A&E) inmediatamente.
""",
        },
    },
    {
        "slug": "sitting-breaks",
        "exercises": ["hip-flexor-stretch", "deep-squat", "cat-camel"],
        "sources": (
            "The seed articles behind HipMob: break up long spells of sitting (product brief)\n"
            "Half-kneeling hip flexor stretch, what it stretches — https://www.functionalmovement.com/Exercises/788/half_kneeling_hip_flexor_stretch\n"
            "NHS, lower back pain exercises (2019) — https://www.nhs.uk/live-well/exercise/lower-back-pain-exercises/"
        ),
        "en": {
            "title": "Sitting less, and sitting well",
            "summary": "Long spells in one position stiffen the hips and back. Short breaks help more than a perfect posture.",
            "alt": "A person sitting at a desk, drawn in grey, and the same person standing up beside the chair, with an arrow showing the move from sitting to standing.",
            "body": """Sitting isn't bad for your back, but staying still for a long time can be. When you sit, your hips stay bent, and the muscles at the front of them get used to being short.

## Break it up

- Stand up and move often, even for a minute: when you finish a task, or when the phone rings.
- Walk to fetch a drink, or stand for part of a call or a meeting.
- HipMob can show you two one-minute moves on your Today page. Turn them on in your Account page.

## At a desk

There is no single right posture: the best position is the next one, so change position often. These can make sitting more comfortable:

- Feet flat on the floor, or on a footrest.
- Sit back in the chair so the backrest supports you. A small cushion behind your lower back can help.
- Screen at eye level and about an arm's length away, so you don't lean forward.
- Keyboard and mouse close, with your elbows relaxed by your sides.

## Why the hip flexor stretch helps

The half-kneeling hip flexor stretch in many routines works on the very muscles that long sitting keeps short.
""",
        },
        "es": {
            "title": "Estar menos tiempo sentado, y sentarse bien",
            "summary": "Pasar mucho tiempo en la misma postura pone rígidas las caderas y la espalda. Las pausas cortas ayudan más que una postura perfecta.",
            "alt": "Una persona sentada ante una mesa, dibujada en gris, y la misma persona de pie junto a la silla, con una flecha que muestra el paso de estar sentado a estar de pie.",
            "body": """Estar sentado no es malo para la espalda, pero pasar mucho tiempo sin moverse sí puede serlo. Al sentarse, las caderas quedan dobladas, y los músculos de la parte delantera se acostumbran a estar acortados.

## Haga pausas

- Levántese y muévase a menudo, aunque sea un minuto: al terminar una tarea o cuando suene el teléfono.
- Vaya a por algo de beber, o quédese de pie durante parte de una llamada o de una reunión.
- HipMob puede mostrarle dos movimientos de un minuto en su página Hoy. Actívelos en su página Cuenta.

## Ante una mesa

No hay una única postura correcta: la mejor postura es la siguiente, así que cambie de postura a menudo. Esto puede hacer que esté más cómodo sentado:

- Los pies apoyados en el suelo o en un reposapiés.
- Siéntese al fondo de la silla para que el respaldo le sujete. Un cojín pequeño detrás de la parte baja de la espalda puede ayudar.
- La pantalla a la altura de los ojos y a un brazo de distancia, para no inclinarse hacia delante.
- El teclado y el ratón cerca, con los codos relajados junto al cuerpo.

## Por qué ayuda el estiramiento del flexor de la cadera

El estiramiento del flexor de la cadera con una rodilla en el suelo, que está en muchas rutinas, trabaja justo los músculos que se acortan al pasar mucho tiempo sentado.
""",
        },
    },
    {
        "slug": "moving-and-lifting",
        "exercises": ["deep-squat", "lunge-with-twist", "bird-dog", "dead-bug", "glute-bridge"],
        "sources": (
            "Assisted squat technique — http://virtualfitnesstrainer.com/exercise-instruction/squat-holding-on\n"
            "Lunge with a twist technique — https://golightweight.app/en/library/lunge-with-twist\n"
            "Bird dog: bracing the trunk — https://sarahkeatesandrews.com/Exercise+Database/Bird-Dog\n"
            "Health and Safety Executive, good handling technique — https://www.hse.gov.uk/msd/manual-handling/good-handling-technique.htm"
        ),
        "en": {
            "title": "Moving and lifting well",
            "summary": "Let your hips and legs do the work, keep loads close, and turn with your feet.",
            "alt": "A person lifting a box. In grey, they bend over from the back with the box far away; in black, they squat with the box held close to the body, with an arrow pointing up.",
            "body": """The habits that make your exercises safe also look after your back through the day.

## Bend at the hips and knees

To pick something up, sit your hips back and bend your knees, as in the assisted squat. Keep your hips, knees and toes in line and your heels down. Breathe out and squeeze your buttocks to stand up.

## Keep the load close

Hold things close to your body, near waist height. The further away a load is, the harder your back has to work.

## Turn with your feet

Twisting while you are bent over and holding something asks a lot of your back. Step your feet round instead. The lunge with a twist trains a controlled turn of the chest while the hips stay facing forward.

## Brace gently

Tightening your stomach a little, as in the bird dog and the dead bug, helps keep your back steady when you lift or carry.

## Take your time

Move smoothly, without jerking or bouncing. If something is too heavy, split the load, use a trolley, or ask for help.
""",
        },
        "es": {
            "title": "Moverse y levantar peso con cuidado",
            "summary": "Deje que las caderas y las piernas hagan el trabajo, mantenga la carga cerca y gire con los pies.",
            "alt": "Una persona levantando una caja. En gris, se inclina doblando la espalda con la caja lejos; en negro, se pone en cuclillas con la caja pegada al cuerpo, y una flecha apunta hacia arriba.",
            "body": """Los hábitos que hacen seguros sus ejercicios también cuidan su espalda a lo largo del día.

## Doble las caderas y las rodillas

Para recoger algo, lleve la cadera hacia atrás y doble las rodillas, como en la sentadilla con apoyo. Mantenga caderas, rodillas y puntas de los pies en línea y los talones en el suelo. Suelte el aire y apriete los glúteos para levantarse.

## Mantenga la carga cerca

Lleve las cosas pegadas al cuerpo, a la altura de la cintura. Cuanto más lejos está la carga, más tiene que trabajar la espalda.

## Gire con los pies

Girarse estando inclinado y con algo en las manos exige mucho a la espalda. Mejor mueva los pies para girar. La zancada con giro entrena un giro controlado del pecho mientras las caderas siguen mirando al frente.

## Apriete un poco el abdomen

Tensar un poco el abdomen, como en el perro de caza (bird dog) y el bicho muerto (dead bug), ayuda a mantener la espalda firme cuando levanta o lleva peso.

## Sin prisas

Muévase con suavidad, sin tirones ni rebotes. Si algo pesa demasiado, divida la carga, use un carrito o pida ayuda.
""",
        },
    },
    {
        "slug": "little-and-often",
        "exercises": ["cat-camel", "childs-pose", "hip-flexor-stretch", "glute-bridge"],
        "sources": (
            "ACSM, stretching and flexibility guidelines — https://www.acsm.org/all-blog-posts/certification-blog/acsm-certified-blog/2021/03/18/stretching-and-flexibility-guidelines-update\n"
            "ACSM resistance training guidance (summary) — http://www.ssbjcc.org/blog/2014/05/23/fitness/resisitance-training-program-design/\n"
            "NHS inform, exercises for back pain — https://nhsinform-22072020-0700.azurewebsites.net/illnesses-and-conditions/muscle-bone-and-joints/exercises/exercises-for-back-pain\n"
            "AAOS OrthoInfo, hip conditioning programme — https://braceworks.ca/2015/05/10/exercise/hip-conditioning-program/\n"
            "Physiopedia, adherence to home exercise programmes — https://www.physio-pedia.com/index.php?title=Adherence_to_Home_Exercise_Programs"
        ),
        "en": {
            "title": "A little most days beats a lot once a week",
            "summary": "Short, regular sessions add up. One big effort a week mostly leaves you sore.",
            "alt": "Two weeks drawn as rows of seven days. The top row has a small filled dot on most days; the bottom row has one large dot on a single day.",
            "body": """Your routine is short on purpose. Stretches work best when they are done often: at least 2 to 3 days a week, and every day is better. Strength exercises need a day or two of rest in between, so 2 to 3 days a week suits them.

## Why little and often works

- Muscles and joints get used to moving further slowly, through repetition.
- Short sessions are easier to fit in, so you are more likely to keep going. Between 5 and 7 in every 10 people with back pain don't keep up their home exercises.
- A big session after days off is more likely to leave you sore, and that makes the next one harder to start.

## Building up

Start with what your clinician set. If it feels comfortable, exercises usually go up by a repetition or two every few days, or by a few seconds on a hold. HipMob suggests these steps to your clinician from your pain scores, so you don't need to push yourself.

## Keeping it going

Most programmes run for 4 to 6 weeks. After that, 2 to 3 days a week helps you keep what you have gained. Missed a day? That's fine. Pick up where you are: even a short session counts.
""",
        },
        "es": {
            "title": "Un poco casi todos los días es mejor que mucho una vez por semana",
            "summary": "Las sesiones cortas y frecuentes se van sumando. Un gran esfuerzo una vez por semana sobre todo deja agujetas.",
            "alt": "Dos semanas dibujadas como filas de siete días. La fila de arriba tiene un punto pequeño relleno casi todos los días; la de abajo tiene un solo punto grande en un día.",
            "body": """Su rutina es corta a propósito. Los estiramientos funcionan mejor cuando se hacen a menudo: al menos 2 o 3 días por semana, y todos los días es aún mejor. Los ejercicios de fuerza necesitan uno o dos días de descanso entre medias, así que para ellos lo adecuado son 2 o 3 días por semana.

## Por qué funciona poco y a menudo

- Los músculos y las articulaciones se acostumbran poco a poco a moverse más, a base de repetir.
- Las sesiones cortas son más fáciles de encajar en el día, así que es más probable que las mantenga. Entre 5 y 7 de cada 10 personas con dolor de espalda no siguen con sus ejercicios en casa.
- Una sesión larga después de varios días sin hacer nada deja agujetas con más facilidad, y eso hace más difícil empezar la siguiente.

## Ir aumentando

Empiece con lo que le ha indicado su profesional sanitario. Si le resulta cómodo, lo normal es subir una o dos repeticiones cada pocos días, o unos segundos en los ejercicios que se mantienen. HipMob propone estos pasos a su profesional sanitario a partir de sus puntuaciones de dolor, así que no hace falta que se fuerce.

## Mantener el hábito

La mayoría de los programas duran de 4 a 6 semanas. Después, 2 o 3 días por semana le ayudan a conservar lo que ha ganado. ¿Se saltó un día? No pasa nada. Siga desde donde está: hasta una sesión corta cuenta.
""",
        },
    },
    {
        "slug": "how-to-stretch",
        "exercises": [
            "hip-flexor-stretch",
            "hamstring-stretch",
            "butterfly-stretch",
            "figure-four-stretch",
            "childs-pose",
        ],
        "sources": (
            "ACSM, stretching and flexibility guidelines — https://www.acsm.org/all-blog-posts/certification-blog/acsm-certified-blog/2021/03/18/stretching-and-flexibility-guidelines-update\n"
            "Harvard Health, the ideal stretching routine — https://www.health.harvard.edu/staying-healthy/the-ideal-stretching-routine\n"
            "AAOS OrthoInfo, hip conditioning programme — https://braceworks.ca/2015/05/10/exercise/hip-conditioning-program/\n"
            "Physio Health, how to stretch the hip flexors — https://physiohealth.com.au/general-exercises/how-to-stretch-the-hip-flexors/"
        ),
        "en": {
            "title": "How to stretch: how far and how long",
            "summary": "A mild pull, never pain. Hold it, breathe, and don't bounce.",
            "alt": "A person lying on their back holding one leg up with a towel, beside a timer ring showing 30 seconds.",
            "body": """- **How far:** to a feeling of mild tightness or pull, never pain. If it hurts, ease back until it doesn't.
- **How long:** hold for 10 to 30 seconds; older adults may do better with 30 to 60 seconds. Repeat until you have held it for about a minute in all.
- **How:** move into the stretch slowly, breathe normally, and don't bounce. The stretch often eases a little as you breathe out.
- **How often:** at least 2 to 3 days a week; every day works best.

## Common mistakes

- Forcing the end of the movement. Further isn't better.
- Holding your breath.
- Arching or rounding your lower back to get "further". In the hip flexor stretch, for example, tuck your tailbone under instead of leaning forward.

## Make it comfortable

Put a cushion under a sore knee, hold a chair for balance, or use a towel or belt to reach your leg. Each exercise page shows an easier version.
""",
        },
        "es": {
            "title": "Cómo estirar: hasta dónde y cuánto tiempo",
            "summary": "Una tensión suave, nunca dolor. Manténgala, respire y no dé rebotes.",
            "alt": "Una persona tumbada boca arriba que sujeta una pierna en alto con una toalla, junto a un reloj circular que marca 30 segundos.",
            "body": """- **Hasta dónde:** hasta notar una tensión o un tirón suave, nunca dolor. Si duele, afloje hasta que deje de doler.
- **Cuánto tiempo:** mantenga de 10 a 30 segundos; a las personas mayores les puede ir mejor de 30 a 60 segundos. Repita hasta sumar alrededor de un minuto en total.
- **Cómo:** entre en el estiramiento despacio, respire con normalidad y no dé rebotes. El estiramiento suele ceder un poco al soltar el aire.
- **Con qué frecuencia:** al menos 2 o 3 días por semana; lo mejor es todos los días.

## Errores frecuentes

- Forzar el final del movimiento. Llegar más lejos no es mejor.
- Aguantar la respiración.
- Arquear o redondear la parte baja de la espalda para llegar "más lejos". En el estiramiento del flexor de la cadera, por ejemplo, meta el coxis hacia dentro en lugar de inclinarse hacia delante.

## Póngase cómodo

Ponga un cojín bajo una rodilla dolorida, apóyese en una silla para no perder el equilibrio, o use una toalla o un cinturón para llegar a la pierna. La página de cada ejercicio muestra una versión más fácil.
""",
        },
    },
    {
        "slug": "core-and-glutes",
        "exercises": ["glute-bridge", "clamshell", "bird-dog", "dead-bug", "lunge-with-twist"],
        "sources": (
            "ACSM resistance training guidance (summaries) — http://home.houston.rr.com/cbfinch/forms/muscleguide.htm\n"
            "Glute bridge technique — https://benchmarkphysio.com.au/the-glute-bridge-exercise/\n"
            "Clamshell technique — http://www.humankinetics.com/news-and-excerpts/news-and-excerpts/externally-rotate-the-hip-without-extraneous-movement-using-the-clam\n"
            "Bird dog technique — http://www.private.training/2022/11/09/bird-dog-technique-mcgill-big-3-core-stability-core-endurance-training-for-lower-back-pain/\n"
            "Dead bug technique — https://rexum.app/exercises/dead-bug"
        ),
        "en": {
            "title": "A steady middle: buttocks and core",
            "summary": "Strong buttock and trunk muscles hold your back steady while your hips move.",
            "alt": "A person on hands and knees reaching one arm forward and the opposite leg back, with the trunk highlighted and arrows along the arm and the leg.",
            "body": """The stretches give your hips room to move. The strength exercises help you control that movement.

## The muscles involved

- **Buttock muscles (glutes):** the glute bridge and the clamshell work the large muscle at the back of the hip and the smaller ones at the side. They help keep your pelvis level when you walk and climb stairs.
- **Deep stomach and back muscles (core):** the bird dog and the dead bug train you to keep your back still while your arms and legs move.

## Quality first

- Move slowly and with control: about 2 seconds up and 2 seconds down.
- Only go as far as you can keep your back still. Don't let it arch or sag.
- Breathe normally; don't hold your breath.

## How much

Usually 2 to 3 days a week with a day's rest in between: 1 to 3 sets of 8 to 12 repetitions, or 10 to 15 if you are new to exercise. When 3 sets of 12 feel easy, it's time for a little more. HipMob will suggest that to your clinician.
""",
        },
        "es": {
            "title": "Un tronco firme: glúteos y abdomen",
            "summary": "Unos glúteos y un tronco fuertes mantienen firme la espalda mientras se mueven las caderas.",
            "alt": "Una persona a cuatro patas que estira un brazo hacia delante y la pierna contraria hacia atrás, con el tronco resaltado y flechas a lo largo del brazo y de la pierna.",
            "body": """Los estiramientos dan a sus caderas espacio para moverse. Los ejercicios de fuerza le ayudan a controlar ese movimiento.

## Los músculos que trabajan

- **Los glúteos:** el puente de glúteos y la almeja trabajan el músculo grande de la parte de atrás de la cadera y los más pequeños del lateral. Ayudan a mantener la pelvis nivelada al caminar y al subir escaleras.
- **Los músculos profundos del abdomen y de la espalda:** el perro de caza (bird dog) y el bicho muerto (dead bug) le enseñan a mantener la espalda quieta mientras mueve los brazos y las piernas.

## Primero, hacerlo bien

- Muévase despacio y con control: unos 2 segundos para subir y 2 para bajar.
- Llegue solo hasta donde pueda mantener la espalda quieta. No deje que se arquee ni que se hunda.
- Respire con normalidad; no aguante la respiración.

## Cuánto

Normalmente 2 o 3 días por semana, con un día de descanso entre medias: de 1 a 3 series de 8 a 12 repeticiones, o de 10 a 15 si no está acostumbrado al ejercicio. Cuando 3 series de 12 le resulten fáciles, es el momento de hacer un poco más. HipMob se lo propondrá a su profesional sanitario.
""",
        },
    },
]


def _text(entry: dict) -> dict:
    return {
        "title": entry["title"],
        "summary": entry["summary"],
        "body": entry["body"],
        # Historical models have no save() of their own: render here as Read.save does.
        "body_html": render(entry["body"]),
        "body_words": word_count(entry["body"]),
        "illustration_alt": entry["alt"],
    }


def load(apps) -> None:
    """Create or update the shipped reads (after the catalogue: they link exercises).
    `apps` is a migration's registry or django.apps.apps; safe to repeat."""
    Read = apps.get_model("learn", "Read")
    ReadTranslation = apps.get_model("learn", "ReadTranslation")
    Exercise = apps.get_model("exercises", "Exercise")
    for order, entry in enumerate(READS):
        read, _ = Read.objects.update_or_create(
            slug=entry["slug"],
            defaults={
                **_text(entry["en"]),
                "order": order,
                "published": True,
                "sources": entry["sources"],
                "illustration": f"img/learn/{entry['slug']}.svg",
            },
        )
        ReadTranslation.objects.update_or_create(
            read=read, language="es", defaults=_text(entry["es"])
        )
        read.exercises.set(Exercise.objects.filter(slug__in=entry["exercises"]))


def unload(apps) -> None:
    apps.get_model("learn", "Read").objects.filter(slug__in=[r["slug"] for r in READS]).delete()
