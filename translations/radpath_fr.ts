<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>AiModule</name>
    <message>
        <source>The AI module (%1) was not found in: %2</source>
        <translation>Le module d&apos;IA (%1) est introuvable dans : %2</translation>
    </message>
    <message>
        <source>The AI module could not be loaded: %1</source>
        <translation>Impossible de charger le module d&apos;IA : %1</translation>
    </message>
    <message>
        <source>%1 is not a RadPath AI module</source>
        <translation>%1 n&apos;est pas un module d&apos;IA pour RadPath</translation>
    </message>
    <message>
        <source>%1 has interface version %2, this RadPath needs %3</source>
        <translation>%1 a la version d&apos;interface %2, cette version de RadPath nécessite %3</translation>
    </message>
    <message>
        <source>The AI engine failed to start</source>
        <translation>Le moteur d&apos;IA n&apos;a pas pu démarrer</translation>
    </message>
</context>
<context>
    <name>AnnotationEditor</name>
    <message>
        <source>Ruler</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>%1 µm</source>
        <translation>%1 µm</translation>
    </message>
    <message>
        <source>%1 px</source>
        <translation>%1 px</translation>
    </message>
</context>
<context>
    <name>BuildInfo</name>
    <message numerus="yes">
        <source>available (%n device(s))</source>
        <translation>
            <numerusform>disponible (%n périphérique)</numerusform>
            <numerusform>disponible (%n périphériques)</numerusform>
        </translation>
    </message>
    <message>
        <source>not available</source>
        <translation>non disponible</translation>
    </message>
    <message>
        <source>unavailable: %1</source>
        <translation>indisponible : %1</translation>
    </message>
    <message>
        <source>not loaded (loads when AI is first used)</source>
        <translation>non chargé (se charge à la première utilisation de l&apos;IA)</translation>
    </message>
</context>
<context>
    <name>MeasurementEditor</name>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>%1°</source>
        <translation>%1°</translation>
    </message>
    <message>
        <source>%1 mm²
Mean %2 ± %3 %4
Min %5  Max %6</source>
        <translation>%1 mm²
Moyenne %2 ± %3 %4
Min %5  Max %6</translation>
    </message>
    <message>
        <source>%1 mm²</source>
        <translation>%1 mm²</translation>
    </message>
</context>
<context>
    <name>ModelInstall</name>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1 : lecture impossible (%2)</translation>
    </message>
    <message>
        <source>%1: the model folder cannot be created</source>
        <translation>%1 : impossible de créer le dossier des modèles</translation>
    </message>
    <message>
        <source>%1: cannot be written (%2)</source>
        <translation>%1 : écriture impossible (%2)</translation>
    </message>
    <message>
        <source>%1: reading failed (%2)</source>
        <translation>%1 : échec de la lecture (%2)</translation>
    </message>
    <message>
        <source>%1: writing failed (%2)</source>
        <translation>%1 : échec de l’écriture (%2)</translation>
    </message>
</context>
<context>
    <name>PacsConnection</name>
    <message>
        <source>%1 at %2</source>
        <translation>%1 sur %2</translation>
    </message>
</context>
<context>
    <name>PacsNodeStore</name>
    <message>
        <source>Give the node a name.</source>
        <translation>Donnez un nom au nœud.</translation>
    </message>
    <message>
        <source>The AE title must be 1 to 16 characters, without a backslash.</source>
        <translation>Le titre AE doit compter 1 à 16 caractères, sans barre oblique inverse.</translation>
    </message>
    <message>
        <source>Enter the host name or address of the PACS.</source>
        <translation>Saisissez le nom d’hôte ou l’adresse du PACS.</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535.</source>
        <translation>Le port doit être compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>The base URL must be an http:// or https:// address.</source>
        <translation>L’URL de base doit être une adresse http:// ou https://.</translation>
    </message>
    <message>
        <source>Basic authentication needs a user name.</source>
        <translation>L’authentification Basic nécessite un nom d’utilisateur.</translation>
    </message>
    <message>
        <source>RadPath&apos;s AE title must be 1 to 16 characters, without a backslash.</source>
        <translation>Le titre AE de RadPath doit compter 1 à 16 caractères, sans barre oblique inverse.</translation>
    </message>
    <message>
        <source>The storage port must be between 1 and 65535.</source>
        <translation>Le port de réception doit être compris entre 1 et 65535.</translation>
    </message>
    <message>
        <source>A TLS client certificate needs its private key, and a key its certificate.</source>
        <translation>Un certificat client TLS a besoin de sa clé privée, et une clé de son certificat.</translation>
    </message>
</context>
<context>
    <name>PacsRetrieval</name>
    <message>
        <source>cannot create the folder %1</source>
        <translation>impossible de créer le dossier %1</translation>
    </message>
    <message>
        <source>cannot move %1 into %2</source>
        <translation>impossible de déplacer %1 dans %2</translation>
    </message>
    <message>
        <source>%1 of %2 instances</source>
        <translation>%1 instances sur %2</translation>
    </message>
    <message>
        <source>Importing</source>
        <translation>Importation</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>pending</source>
        <translation>en attente</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>modifié</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejeté</translation>
    </message>
    <message>
        <source>Clinician</source>
        <translation>Clinicien</translation>
    </message>
    <message>
        <source>AI-assisted, edited</source>
        <translation>assisté par IA, modifié</translation>
    </message>
    <message>
        <source>AI</source>
        <translation>IA</translation>
    </message>
    <message>
        <source>AI results are decision support and were reviewed by the signing clinician; they are not a diagnosis.</source>
        <translation>Les résultats de l’IA sont une aide à la décision et ont été vérifiés par le clinicien signataire ; ils ne constituent pas un diagnostic.</translation>
    </message>
    <message>
        <source>%1: cannot be written (%2)</source>
        <translation>%1 : écriture impossible (%2)</translation>
    </message>
    <message>
        <source>%1: cannot be read (%2)</source>
        <translation>%1 : lecture impossible (%2)</translation>
    </message>
    <message>
        <source>%1: not a readable report (%2)</source>
        <translation>%1 : compte rendu illisible (%2)</translation>
    </message>
    <message>
        <source>Pseudonym</source>
        <translation>Pseudonyme</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>Examen</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>ID patient</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Date de naissance</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sexe</translation>
    </message>
    <message>
        <source>Study date</source>
        <translation>Date de l’examen</translation>
    </message>
    <message>
        <source>Accession</source>
        <translation>N° d’accession</translation>
    </message>
    <message>
        <source> by %1</source>
        <translation> par %1</translation>
    </message>
    <message>
        <source> by %1, %2</source>
        <translation> par %1, %2</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constatations</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constatation</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revue</translation>
    </message>
    <message>
        <source>Key images</source>
        <translation>Images clés</translation>
    </message>
    <message>
        <source>Figure %1. %2</source>
        <translation>Figure %1. %2</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>Mesure</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Segmentation statistics</source>
        <translation>Statistiques de segmentation</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Volume (mL)</source>
        <translation>Volume (mL)</translation>
    </message>
    <message>
        <source>Mean ± SD (HU)</source>
        <translation>Moyenne ± ET (UH)</translation>
    </message>
    <message>
        <source>Slide overview</source>
        <translation>Vue d’ensemble de la lame</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Area (mm²)</source>
        <translation>Surface (mm²)</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>Signature</translation>
    </message>
    <message>
        <source>Draft: not signed.</source>
        <translation>Brouillon : non signé.</translation>
    </message>
    <message>
        <source>Signed by %1.</source>
        <translation>Signé par %1.</translation>
    </message>
    <message>
        <source>Signed by %1 on %2.</source>
        <translation>Signé par %1 le %2.</translation>
    </message>
    <message>
        <source>Addendum by %1</source>
        <translation>Addendum de %1</translation>
    </message>
    <message>
        <source>Addendum by %1, %2</source>
        <translation>Addendum de %1, %2</translation>
    </message>
    <message>
        <source>Report %1</source>
        <translation>Compte rendu %1</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Compte rendu</translation>
    </message>
    <message>
        <source>Report (de-identified)</source>
        <translation>Compte rendu (anonymisé)</translation>
    </message>
    <message>
        <source>Report text</source>
        <translation>Texte du compte rendu</translation>
    </message>
    <message>
        <source>RadPath %1 · page %2 of %3</source>
        <translation>RadPath %1 · page %2 sur %3</translation>
    </message>
    <message>
        <source>Created %1 · RadPath %2 · page %3 of %4</source>
        <translation>Créé le %1 · RadPath %2 · page %3 sur %4</translation>
    </message>
    <message>
        <source>The report could not be rendered as PDF.</source>
        <translation>Le compte rendu n’a pas pu être converti en PDF.</translation>
    </message>
    <message>
        <source>The report refers to no DICOM study.</source>
        <translation>Le compte rendu ne se rapporte à aucun examen DICOM.</translation>
    </message>
    <message>
        <source>RadPath report</source>
        <translation>Compte rendu RadPath</translation>
    </message>
    <message>
        <source> %1 (slice %2)</source>
        <translation> %1 (coupe %2)</translation>
    </message>
    <message>
        <source>%1 mm², %2 ± %3 (min %4, max %5)</source>
        <translation>%1 mm², %2 ± %3 (min %4, max %5)</translation>
    </message>
    <message>
        <source>Unclassified</source>
        <translation>Non classé</translation>
    </message>
    <message>
        <source>predicted class (others: %1)</source>
        <translation>classe prédite (autres : %1)</translation>
    </message>
    <message>
        <source>segmented volume</source>
        <translation>volume segmenté</translation>
    </message>
    <message>
        <source>%1 of %2 tiles</source>
        <translation>%1 tuiles sur %2</translation>
    </message>
</context>
<context>
    <name>ReportBuilder</name>
    <message>
        <source>reading the header</source>
        <translation>lecture de l’en-tête</translation>
    </message>
    <message>
        <source>The view when the report was started</source>
        <translation>La vue au début du compte rendu</translation>
    </message>
    <message>
        <source>drawing the slide overview</source>
        <translation>dessin de la vue d’ensemble de la lame</translation>
    </message>
    <message>
        <source>label statistics</source>
        <translation>statistiques des étiquettes</translation>
    </message>
    <message>
        <source>Preparing the report</source>
        <translation>Préparation du compte rendu</translation>
    </message>
    <message>
        <source>%1 (the model&apos;s: %2 mL)</source>
        <translation>%1 (selon le modèle : %2 mL)</translation>
    </message>
</context>
<context>
    <name>TrainingPreparation</name>
    <message>
        <source>%1 file(s) could not be decoded and were left out, e.g. %2: %3</source>
        <translation>%1 fichier(s) n’ont pas pu être décodés et ont été exclus, p. ex. %2 : %3</translation>
    </message>
    <message>
        <source>%1: no training image could be decoded</source>
        <translation>%1 : aucune image d’entraînement n’a pu être décodée</translation>
    </message>
    <message>
        <source>class &apos;%1&apos; has no training image that could be decoded</source>
        <translation>la classe « %1 » n’a aucune image d’entraînement qui ait pu être décodée</translation>
    </message>
    <message>
        <source>Intensities 0..255 onto 0..1 (8-bit images).</source>
        <translation>Intensités 0..255 ramenées à 0..1 (images 8 bits).</translation>
    </message>
    <message>
        <source>Intensities %1..%2 onto 0..1 (the training images&apos; range).</source>
        <translation>Intensités %1..%2 ramenées à 0..1 (plage des images d’entraînement).</translation>
    </message>
    <message>
        <source>%1 colour training image(s) turned grey (choose 3 channels to keep colour).</source>
        <translation>%1 image(s) d’entraînement en couleur convertie(s) en niveaux de gris (choisissez 3 canaux pour conserver la couleur).</translation>
    </message>
</context>
<context>
    <name>TrainingReport</name>
    <message>
        <source>Dataset</source>
        <translation>Jeu de données</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>image / label pairs</source>
        <translation>paires image / étiquette</translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>Avertissement : </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) left out as unusable.</source>
        <translation>
            <numerusform>%n fichier exclu car inutilisable.</numerusform>
            <numerusform>%n fichiers exclus car inutilisables.</numerusform>
        </translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <source>The package holds the weights of epoch %1%2.</source>
        <translation>Le paquet contient les poids de l’époque %1%2.</translation>
    </message>
    <message>
        <source> (stopped early)</source>
        <translation> (arrêt précoce)</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Époque</translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation>Perte d’entraînement</translation>
    </message>
    <message>
        <source>Val loss</source>
        <translation>Perte val.</translation>
    </message>
    <message>
        <source>Val Dice</source>
        <translation>Dice val.</translation>
    </message>
    <message>
        <source>Val accuracy</source>
        <translation>Exactitude val.</translation>
    </message>
    <message>
        <source>Val AUC</source>
        <translation>AUC val.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Taux d’apprentissage</translation>
    </message>
    <message>
        <source>Seconds</source>
        <translation>Secondes</translation>
    </message>
    <message>
        <source>Evaluation</source>
        <translation>Évaluation</translation>
    </message>
    <message>
        <source>%1 images of the %2 split; accuracy %3; expected calibration error %4.</source>
        <translation>%1 images de l’ensemble « %2 » ; exactitude %3 ; erreur de calibration attendue %4.</translation>
    </message>
    <message>
        <source>Confusion matrix (rows: truth, columns: predicted)</source>
        <translation>Matrice de confusion (lignes : vérité, colonnes : prédiction)</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>Par classe</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Sensibilité</translation>
    </message>
    <message>
        <source>Specificity</source>
        <translation>Spécificité</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Précision</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>AUC</source>
        <translation>AUC</translation>
    </message>
    <message>
        <source>95 % CI</source>
        <translation>IC à 95 %</translation>
    </message>
    <message>
        <source>%1 images of the %2 split.</source>
        <translation>%1 images de l’ensemble « %2 ».</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Dice</source>
        <translation>Dice</translation>
    </message>
    <message>
        <source>HD95 (mm)</source>
        <translation>HD95 (mm)</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Not evaluated.</source>
        <translation>Non évalué.</translation>
    </message>
    <message>
        <source>Training report: %1</source>
        <translation>Rapport d’entraînement : %1</translation>
    </message>
    <message>
        <source>Written %1 by RadPath.</source>
        <translation>Généré le %1 par RadPath.</translation>
    </message>
    <message>
        <source>Model package: %1</source>
        <translation>Paquet de modèle : %1</translation>
    </message>
    <message>
        <source>%1: cannot be written (%2)</source>
        <translation>%1 : écriture impossible (%2)</translation>
    </message>
    <message>
        <source>Training report</source>
        <translation>Rapport d’entraînement</translation>
    </message>
    <message>
        <source>These figures come from the validation split, not from a test split. Early stopping chose the exported epoch by these images, so the figures are optimistic. Keep a test/ folder of images for an unbiased figure.</source>
        <translation>Ces valeurs proviennent de l’ensemble de validation, et non d’un ensemble de test. L’arrêt précoce a choisi l’époque exportée d’après ces images : les valeurs sont donc optimistes. Prévoyez un dossier test/ d’images pour une mesure non biaisée.</translation>
    </message>
    <message>
        <source>These figures come from the validation split, not from a test split. The run did not train on these images but reported on them after every epoch. Keep a test/ folder of images for an unbiased figure.</source>
        <translation>Ces valeurs proviennent de l’ensemble de validation, et non d’un ensemble de test. L’entraînement n’a pas appris sur ces images, mais les a évaluées après chaque époque. Prévoyez un dossier test/ d’images pour une mesure non biaisée.</translation>
    </message>
</context>
<context>
    <name>TransferFunctionPresets</name>
    <message>
        <source>CT bone</source>
        <translation>TDM os</translation>
    </message>
    <message>
        <source>CT soft tissue</source>
        <translation>TDM tissus mous</translation>
    </message>
    <message>
        <source>CT lung</source>
        <translation>TDM poumon</translation>
    </message>
    <message>
        <source>CT angiography</source>
        <translation>Angio-TDM</translation>
    </message>
    <message>
        <source>MIP</source>
        <translation>MIP</translation>
    </message>
    <message>
        <source>MR default</source>
        <translation>IRM par défaut</translation>
    </message>
</context>
<context>
    <name>radpath::app::AboutDialog</name>
    <message>
        <source>About RadPath</source>
        <translation>À propos de RadPath</translation>
    </message>
    <message>
        <source>&lt;h2&gt;RadPath %1&lt;/h2&gt;&lt;p&gt;Radiology and pathology viewer with an AI engine.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Models shipped with RadPath are demonstrations, not for clinical use.&lt;/b&gt;&lt;/p&gt;</source>
        <translation>&lt;h2&gt;RadPath %1&lt;/h2&gt;&lt;p&gt;Visionneuse de radiologie et de pathologie avec moteur d&apos;IA.&lt;/p&gt;&lt;p&gt;&lt;b&gt;Les modèles fournis avec RadPath sont des démonstrations, non destinées à un usage clinique.&lt;/b&gt;&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Library</source>
        <translation>Bibliothèque</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Load AI engine to show LibTorch and CUDA</source>
        <translation>Charger le moteur d&apos;IA pour afficher LibTorch et CUDA</translation>
    </message>
    <message>
        <source>Loading the AI engine…</source>
        <translation>Chargement du moteur d&apos;IA…</translation>
    </message>
    <message>
        <source>AI engine loaded</source>
        <translation>Moteur d&apos;IA chargé</translation>
    </message>
    <message>
        <source>AI engine unavailable</source>
        <translation>Moteur d&apos;IA indisponible</translation>
    </message>
</context>
<context>
    <name>radpath::app::AiDock</name>
    <message>
        <source>AI</source>
        <translation>IA</translation>
    </message>
    <message>
        <source>Check AI engine</source>
        <translation>Vérifier le moteur d&apos;IA</translation>
    </message>
    <message>
        <source>Loading the AI engine…</source>
        <translation>Chargement du moteur d&apos;IA…</translation>
    </message>
    <message>
        <source>Checking the AI engine</source>
        <translation>Vérification du moteur d&apos;IA</translation>
    </message>
    <message>
        <source>loading LibTorch</source>
        <translation>chargement de LibTorch</translation>
    </message>
    <message>
        <source>testing the device</source>
        <translation>test du périphérique</translation>
    </message>
    <message>
        <source>LibTorch %1, CUDA %2, %3 threads.
Device %4: %5 (%6)</source>
        <translation>LibTorch %1, CUDA %2, %3 threads.
Périphérique %4 : %5 (%6)</translation>
    </message>
    <message>
        <source>available</source>
        <translation>disponible</translation>
    </message>
    <message>
        <source>not available</source>
        <translation>non disponible</translation>
    </message>
    <message>
        <source>works</source>
        <translation>fonctionne</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>The AI engine is unavailable: %1</source>
        <translation>Le moteur d&apos;IA est indisponible : %1</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>classification</translation>
    </message>
    <message>
        <source>segmentation</source>
        <translation>segmentation</translation>
    </message>
    <message>
        <source>tile classification</source>
        <translation>classification de tuiles</translation>
    </message>
    <message>
        <source>%1 %2 (weights %3…) on %4 in %5 s</source>
        <translation>%1 %2 (poids %3…) sur %4 en %5 s</translation>
    </message>
    <message>
        <source>Models shipped with RadPath are demonstrations, not for clinical use.</source>
        <translation>Les modèles fournis avec RadPath sont des démonstrations, non destinées à un usage clinique.</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécuter</translation>
    </message>
    <message>
        <source>Grad-CAM</source>
        <translation>Grad-CAM</translation>
    </message>
    <message>
        <source>Gradient</source>
        <translation>Gradient</translation>
    </message>
    <message>
        <source>SmoothGrad</source>
        <translation>SmoothGrad</translation>
    </message>
    <message>
        <source>Occlusion</source>
        <translation>Occlusion</translation>
    </message>
    <message>
        <source>Explain</source>
        <translation>Expliquer</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constat</translation>
    </message>
    <message>
        <source>Probability</source>
        <translation>Probabilité</translation>
    </message>
    <message>
        <source>Heat map</source>
        <translation>Carte de chaleur</translation>
    </message>
    <message>
        <source>(demonstration)</source>
        <translation>(démonstration)</translation>
    </message>
    <message>
        <source>%1, version %2
%3
%4</source>
        <translation>%1, version %2
%3
%4</translation>
    </message>
    <message numerus="yes">
        <source>%n model(s) in the library. Models shipped with RadPath are demonstrations, not for clinical use.</source>
        <translation>
            <numerusform>%n modèle dans la bibliothèque. Les modèles fournis avec RadPath sont des démonstrations, non destinées à un usage clinique.</numerusform>
            <numerusform>%n modèles dans la bibliothèque. Les modèles fournis avec RadPath sont des démonstrations, non destinées à un usage clinique.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not usable: %1</source>
        <translation>Inutilisable : %1</translation>
    </message>
    <message>
        <source>Running %1</source>
        <translation>Exécution de %1</translation>
    </message>
    <message>
        <source>The model did not run: %1</source>
        <translation>Le modèle n&apos;a pas tourné : %1</translation>
    </message>
    <message>
        <source>%1 tiles</source>
        <translation>Tuiles %1</translation>
    </message>
    <message>
        <source>%1 tiles classified</source>
        <translation>%1 tuiles classées</translation>
    </message>
    <message>
        <source>%1 tiles could not be read and were skipped</source>
        <translation>%1 tuiles illisibles ont été ignorées</translation>
    </message>
    <message>
        <source>Explaining with %1</source>
        <translation>Explication par %1</translation>
    </message>
    <message>
        <source>No saliency map: %1</source>
        <translation>Pas de carte de saillance : %1</translation>
    </message>
    <message>
        <source>Adds a saliency map of the selected model as a layer</source>
        <translation>Ajoute une carte de saillance du modèle choisi comme calque</translation>
    </message>
    <message>
        <source>Volume (mL)</source>
        <translation>Volume (mL)</translation>
    </message>
    <message>
        <source>To review</source>
        <translation>À vérifier</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accepter</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Modifier…</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Rejeter</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>Not reviewed yet</source>
        <translation>Pas encore vérifié</translation>
    </message>
    <message>
        <source>%1 by %2, %3</source>
        <translation>%1 par %2, %3</translation>
    </message>
    <message>
        <source>Edit finding</source>
        <translation>Modifier la constatation</translation>
    </message>
    <message>
        <source>Finding:</source>
        <translation>Constatation :</translation>
    </message>
</context>
<context>
    <name>radpath::app::AiReviewStore</name>
    <message>
        <source>%1, corrected by hand</source>
        <translation>%1, corrigé manuellement</translation>
    </message>
    <message>
        <source>The AI review record %1 cannot be written (%2).</source>
        <translation>Le registre de revue IA %1 ne peut pas être écrit (%2).</translation>
    </message>
    <message>
        <source>The AI review record %1 cannot be read (%2): it is kept as %3, and the reviews of this image start anew.</source>
        <translation>Le registre de revue IA %1 est illisible (%2) : il est conservé sous %3, et les revues de cette image recommencent.</translation>
    </message>
    <message>
        <source>The AI review record %1 cannot be read (%2), nor moved aside: reviews of this image are not saved until it is.</source>
        <translation>Le registre de revue IA %1 est illisible (%2) et ne peut être mis de côté : les revues de cette image ne sont pas enregistrées tant qu’il l’est.</translation>
    </message>
</context>
<context>
    <name>radpath::app::DataBrowserDock</name>
    <message>
        <source>Data</source>
        <translation>Données</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouverts</translation>
    </message>
    <message>
        <source>Recent</source>
        <translation>Récents</translation>
    </message>
</context>
<context>
    <name>radpath::app::DeidentifyExportDialog</name>
    <message>
        <source>Export de-identified</source>
        <translation>Exporter anonymisé</translation>
    </message>
    <message numerus="yes">
        <source>Write a de-identified copy of %1 (%n file(s)) by the DICOM Basic Application Level Confidentiality Profile (PS3.15 Annex E).</source>
        <translation>
            <numerusform>Écrire une copie anonymisée de %1 (%n fichier) selon le profil DICOM Basic Application Level Confidentiality (PS3.15 annexe E).</numerusform>
            <numerusform>Écrire une copie anonymisée de %1 (%n fichiers) selon le profil DICOM Basic Application Level Confidentiality (PS3.15 annexe E).</numerusform>
        </translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Dates</translation>
    </message>
    <message>
        <source>Remove dates</source>
        <translation>Supprimer les dates</translation>
    </message>
    <message>
        <source>Keep dates</source>
        <translation>Conserver les dates</translation>
    </message>
    <message>
        <source>Shift dates by</source>
        <translation>Décaler les dates de</translation>
    </message>
    <message>
        <source> days</source>
        <translation> jours</translation>
    </message>
    <message>
        <source>Keep patient characteristics (sex, age, size, weight)</source>
        <translation>Conserver les caractéristiques du patient (sexe, âge, taille, poids)</translation>
    </message>
    <message>
        <source>folder for the de-identified files</source>
        <translation>dossier des fichiers anonymisés</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Output folder</source>
        <translation>Dossier de sortie</translation>
    </message>
    <message>
        <source>Pixel data is not changed: text burned into the images stays. Files that may carry it are named in the summary.</source>
        <translation>Les données de pixels ne sont pas modifiées : le texte incrusté dans les images reste. Le résumé nomme les fichiers qui peuvent en contenir.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Exporter</translation>
    </message>
</context>
<context>
    <name>radpath::app::DicomExportController</name>
    <message>
        <source>DICOM files (*.dcm);;All files (*)</source>
        <translation>Fichiers DICOM (*.dcm);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Save &amp;Label Map…</source>
        <translation>Enregistrer la carte d’é&amp;tiquettes…</translation>
    </message>
    <message>
        <source>Save label map</source>
        <translation>Enregistrer la carte d’étiquettes</translation>
    </message>
    <message>
        <source>NIfTI (*.nii.gz *.nii);;NRRD (*.nrrd)</source>
        <translation>NIfTI (*.nii.gz *.nii);;NRRD (*.nrrd)</translation>
    </message>
    <message>
        <source>Export DICOM &amp;SEG…</source>
        <translation>Exporter en DICOM &amp;SEG…</translation>
    </message>
    <message>
        <source>Export label map as DICOM SEG</source>
        <translation>Exporter la carte d’étiquettes en DICOM SEG</translation>
    </message>
    <message>
        <source>Import DICOM S&amp;EG…</source>
        <translation>Importer un DICOM SE&amp;G…</translation>
    </message>
    <message>
        <source>Import DICOM SEG</source>
        <translation>Importer un DICOM SEG</translation>
    </message>
    <message>
        <source>Export &amp;Measurements as DICOM SR…</source>
        <translation>Exporter les &amp;mesures en DICOM SR…</translation>
    </message>
    <message>
        <source>Export measurements as DICOM SR</source>
        <translation>Exporter les mesures en DICOM SR</translation>
    </message>
    <message>
        <source>Export &amp;Overlay as DICOM Parametric Map…</source>
        <translation>Exporter la s&amp;uperposition en DICOM Parametric Map…</translation>
    </message>
    <message>
        <source>Export overlay as DICOM Parametric Map</source>
        <translation>Exporter la superposition en DICOM Parametric Map</translation>
    </message>
    <message>
        <source>Export &amp;View as Secondary Capture…</source>
        <translation>Exporter la &amp;vue en DICOM Secondary Capture…</translation>
    </message>
    <message>
        <source>Export view as DICOM Secondary Capture</source>
        <translation>Exporter la vue en DICOM Secondary Capture</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>The tab in front shows no image.</source>
        <translation>L’onglet actif n’affiche aucune image.</translation>
    </message>
    <message>
        <source>The series is still loading.</source>
        <translation>La série est encore en cours de chargement.</translation>
    </message>
    <message>
        <source>The tab in front shows no DICOM series.</source>
        <translation>L’onglet actif n’affiche aucune série DICOM.</translation>
    </message>
    <message>
        <source>The tab in front has no label map.</source>
        <translation>L’onglet actif n’a aucune carte d’étiquettes.</translation>
    </message>
    <message>
        <source>The tab in front has no measurements and no label map.</source>
        <translation>L’onglet actif n’a ni mesures ni carte d’étiquettes.</translation>
    </message>
    <message>
        <source>The tab in front has no overlay.</source>
        <translation>L’onglet actif n’a aucune superposition.</translation>
    </message>
    <message>
        <source>The overlay %1 does not lie on the series&apos; voxel grid.</source>
        <translation>La superposition %1 ne se trouve pas sur la grille de voxels de la série.</translation>
    </message>
    <message>
        <source>Failed: %1</source>
        <translation>Échec : %1</translation>
    </message>
    <message>
        <source>DICOM export and import</source>
        <translation>Export et import DICOM</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Save a label map as .nii.gz, .nii or .nrrd.</source>
        <translation>Enregistrez une carte d’étiquettes au format .nii.gz, .nii ou .nrrd.</translation>
    </message>
    <message>
        <source>Saving label map %1</source>
        <translation>Enregistrement de la carte d’étiquettes %1</translation>
    </message>
    <message>
        <source>Saved label map %1 as %2</source>
        <translation>Carte d’étiquettes %1 enregistrée sous %2</translation>
    </message>
    <message>
        <source>Exporting DICOM SEG %1</source>
        <translation>Exportation du DICOM SEG %1</translation>
    </message>
    <message numerus="yes">
        <source>Exported %1 as DICOM SEG %2 (%n segment(s))</source>
        <translation>
            <numerusform>%1 exporté en DICOM SEG %2 (%n segment)</numerusform>
            <numerusform>%1 exporté en DICOM SEG %2 (%n segments)</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing DICOM SEG %1</source>
        <translation>Importation du DICOM SEG %1</translation>
    </message>
    <message>
        <source>is a segmentation of another series (%1), not of the series in this tab (%2)</source>
        <translation>est une segmentation d’une autre série (%1), et non de la série de cet onglet (%2)</translation>
    </message>
    <message>
        <source>does not fit the image in this tab (%1)</source>
        <translation>ne correspond pas à l’image de cet onglet (%1)</translation>
    </message>
    <message>
        <source>The tab closed before %1 was read.</source>
        <translation>L’onglet a été fermé avant la lecture de %1.</translation>
    </message>
    <message numerus="yes">
        <source>Imported %1 (%n segment(s))</source>
        <translation>
            <numerusform>%1 importé (%n segment)</numerusform>
            <numerusform>%1 importé (%n segments)</numerusform>
        </translation>
    </message>
    <message>
        <source>Exporting DICOM SR %1</source>
        <translation>Exportation du DICOM SR %1</translation>
    </message>
    <message>
        <source>Exported %1 measurement(s) and %2 label statistics as DICOM SR %3</source>
        <translation>Exporté en DICOM SR %3 : %1 mesure(s) et %2 statistiques d’étiquettes</translation>
    </message>
    <message>
        <source>Exporting parametric map %1</source>
        <translation>Exportation de la carte paramétrique %1</translation>
    </message>
    <message>
        <source>the overlay does not lie on the series&apos; grid (%1)</source>
        <translation>la superposition ne se trouve pas sur la grille de la série (%1)</translation>
    </message>
    <message>
        <source>Exported overlay %1 as DICOM Parametric Map %2</source>
        <translation>Superposition %1 exportée en DICOM Parametric Map %2</translation>
    </message>
    <message>
        <source>Slice %1 of %2, window %3, level %4</source>
        <translation>Coupe %1 sur %2, fenêtre %3, centre %4</translation>
    </message>
    <message>
        <source>Exporting key image %1</source>
        <translation>Exportation de l’image clé %1</translation>
    </message>
    <message>
        <source>Exported the view as DICOM Secondary Capture %1</source>
        <translation>Vue exportée en DICOM Secondary Capture %1</translation>
    </message>
    <message>
        <source>3-D view</source>
        <translation>Vue 3D</translation>
    </message>
</context>
<context>
    <name>radpath::app::DocumentController</name>
    <message>
        <source>The file or folder does not exist.</source>
        <translation>Le fichier ou le dossier n&apos;existe pas.</translation>
    </message>
    <message>
        <source>RadPath has no permission to read it.</source>
        <translation>RadPath n&apos;a pas l&apos;autorisation de le lire.</translation>
    </message>
    <message>
        <source>The folder holds no image RadPath can read.</source>
        <translation>Le dossier ne contient aucune image lisible par RadPath.</translation>
    </message>
    <message>
        <source>This is not an image format RadPath can read.</source>
        <translation>Ce n&apos;est pas un format d&apos;image lisible par RadPath.</translation>
    </message>
    <message>
        <source>Opening %1</source>
        <translation>Ouverture de %1</translation>
    </message>
</context>
<context>
    <name>radpath::app::JobRunner</name>
    <message>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>En cours</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminé</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
</context>
<context>
    <name>radpath::app::JobStatusWidget</name>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel this job</source>
        <translation>Annuler cette tâche</translation>
    </message>
</context>
<context>
    <name>radpath::app::JobsDock</name>
    <message>
        <source>Jobs</source>
        <translation>Tâches</translation>
    </message>
    <message>
        <source>Job</source>
        <translation>Tâche</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Progression</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Cancel selected</source>
        <translation>Annuler la sélection</translation>
    </message>
</context>
<context>
    <name>radpath::app::LayerLoader</name>
    <message>
        <source>Opening label map %1</source>
        <translation>Ouverture de la carte d’étiquettes %1</translation>
    </message>
    <message>
        <source>Opening overlay %1</source>
        <translation>Ouverture de la superposition %1</translation>
    </message>
</context>
<context>
    <name>radpath::app::LayersDock</name>
    <message>
        <source>Layers</source>
        <translation>Calques</translation>
    </message>
    <message>
        <source>Layer</source>
        <translation>Calque</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Opacity of the selected layer</source>
        <translation>Opacité du calque sélectionné</translation>
    </message>
    <message>
        <source>Move the layer up (drawn over the layers below)</source>
        <translation>Monter le calque (dessiné au-dessus des calques inférieurs)</translation>
    </message>
    <message>
        <source>Move the layer down</source>
        <translation>Descendre le calque</translation>
    </message>
    <message>
        <source>Remove the layer</source>
        <translation>Retirer le calque</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Label map</source>
        <translation>Carte d’étiquettes</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Remplissage</translation>
    </message>
    <message>
        <source>Outline</source>
        <translation>Contour</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Visible</translation>
    </message>
    <message>
        <source>Double-click a colour to change it</source>
        <translation>Double-cliquer une couleur pour la changer</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Superposition</translation>
    </message>
    <message>
        <source>Grey</source>
        <translation>Gris</translation>
    </message>
    <message>
        <source>Hot</source>
        <translation>Hot</translation>
    </message>
    <message>
        <source>Jet</source>
        <translation>Jet</translation>
    </message>
    <message>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <source>Values below the threshold are not drawn</source>
        <translation>Les valeurs sous le seuil ne sont pas dessinées</translation>
    </message>
    <message>
        <source>Colormap</source>
        <translation>Palette</translation>
    </message>
    <message>
        <source>Window center</source>
        <translation>Centre de fenêtre</translation>
    </message>
    <message>
        <source>Window width</source>
        <translation>Largeur de fenêtre</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <source>Opacity</source>
        <translation>Opacité</translation>
    </message>
    <message>
        <source>Colour of %1</source>
        <translation>Couleur de %1</translation>
    </message>
    <message>
        <source>Opacity %</source>
        <translation>Opacité %</translation>
    </message>
    <message>
        <source>Label map, AI-assisted, edited</source>
        <translation>Carte d’étiquettes, assistée par IA, modifiée</translation>
    </message>
    <message>
        <source>Label map, AI</source>
        <translation>Carte d’étiquettes, IA</translation>
    </message>
</context>
<context>
    <name>radpath::app::MainWindow</name>
    <message>
        <source>RadPath</source>
        <translation>RadPath</translation>
    </message>
    <message>
        <source>Open a DICOM folder, a file, or drop one here.</source>
        <translation>Ouvrez un dossier DICOM ou un fichier, ou déposez-le ici.</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Open File…</source>
        <translation>&amp;Ouvrir un fichier…</translation>
    </message>
    <message>
        <source>Open file</source>
        <translation>Ouvrir un fichier</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>Ouvrir un &amp;dossier…</translation>
    </message>
    <message>
        <source>Open folder</source>
        <translation>Ouvrir un dossier</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Ouvrir un fichier &amp;récent</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>&amp;Fermer l&apos;onglet</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Outils</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Aide</translation>
    </message>
    <message>
        <source>&amp;About RadPath</source>
        <translation>À &amp;propos de RadPath</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>Barre d&apos;outils principale</translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 ouvert</translation>
    </message>
    <message>
        <source>Cannot open %1
%2</source>
        <translation>Impossible d&apos;ouvrir %1
%2</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>Impossible d&apos;ouvrir %1</translation>
    </message>
    <message>
        <source>Cannot open</source>
        <translation>Ouverture impossible</translation>
    </message>
    <message>
        <source>&amp;Import DICOM Folder…</source>
        <translation>&amp;Importer un dossier DICOM…</translation>
    </message>
    <message>
        <source>Import DICOM folder</source>
        <translation>Importer un dossier DICOM</translation>
    </message>
    <message>
        <source>DICOM &amp;Tags…</source>
        <translation>&amp;Balises DICOM…</translation>
    </message>
    <message>
        <source>DICOM file</source>
        <translation>Fichier DICOM</translation>
    </message>
    <message>
        <source>&amp;Layout</source>
        <translation>&amp;Disposition</translation>
    </message>
    <message>
        <source>1 × 1 (one series per tab)</source>
        <translation>1 × 1 (une série par onglet)</translation>
    </message>
    <message>
        <source>1 × 2 side by side</source>
        <translation>1 × 2 côte à côte</translation>
    </message>
    <message>
        <source>2 × 2 side by side</source>
        <translation>2 × 2 côte à côte</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>Côte à côte</translation>
    </message>
    <message>
        <source>Open &amp;Label Map…</source>
        <translation>Ouvrir une carte d’é&amp;tiquettes…</translation>
    </message>
    <message>
        <source>Open label map</source>
        <translation>Ouvrir une carte d’étiquettes</translation>
    </message>
    <message>
        <source>Label maps (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd)</source>
        <translation>Cartes d’étiquettes (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd)</translation>
    </message>
    <message>
        <source>Open O&amp;verlay…</source>
        <translation>Ouvrir une s&amp;uperposition…</translation>
    </message>
    <message>
        <source>Open overlay or second volume</source>
        <translation>Ouvrir une superposition ou un second volume</translation>
    </message>
    <message>
        <source>Volumes (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd)</source>
        <translation>Volumes (*.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd)</translation>
    </message>
    <message>
        <source>Open an image first: label maps and overlays are drawn over it.</source>
        <translation>Ouvrez d’abord une image : les cartes d’étiquettes et superpositions sont dessinées par-dessus.</translation>
    </message>
    <message>
        <source>Train a &amp;Model…</source>
        <translation>Entraîner un &amp;modèle…</translation>
    </message>
    <message>
        <source>&amp;Query/Retrieve…</source>
        <translation>&amp;Interroger le PACS…</translation>
    </message>
    <message>
        <source>&amp;Report…</source>
        <translation>&amp;Compte rendu…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Compte rendu</translation>
    </message>
    <message>
        <source>No report can be prepared for %1:
%2</source>
        <translation>Aucun compte rendu ne peut être préparé pour %1 :
%2</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>Préparation du compte rendu…</translation>
    </message>
    <message>
        <source>the report</source>
        <translation>le compte rendu</translation>
    </message>
    <message>
        <source>The series is still loading: open the report once it is in.</source>
        <translation>La série est encore en cours de chargement : ouvrez le compte rendu une fois qu’elle est chargée.</translation>
    </message>
</context>
<context>
    <name>radpath::app::MeasurementStore</name>
    <message>
        <source>The saved measurements of %1 cannot be read: %2</source>
        <translation>Les mesures enregistrées de %1 ne peuvent pas être lues : %2</translation>
    </message>
    <message>
        <source>The measurements of %1 cannot be saved: %2</source>
        <translation>Les mesures de %1 ne peuvent pas être enregistrées : %2</translation>
    </message>
</context>
<context>
    <name>radpath::app::MeasurementsDock</name>
    <message>
        <source>Measurements</source>
        <translation>Mesures</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Slice</source>
        <translation>Coupe</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Export measurements</source>
        <translation>Exporter les mesures</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1
%2</source>
        <translation>Impossible d&apos;écrire %1
%2</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Angle</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rectangle</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>Polygone</translation>
    </message>
    <message>
        <source>%1°</source>
        <translation>%1°</translation>
    </message>
    <message>
        <source>%1 mm²</source>
        <translation>%1 mm²</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>Mean (%1)</source>
        <translation>Moyenne (%1)</translation>
    </message>
    <message>
        <source>SD</source>
        <translation>ÉT</translation>
    </message>
    <message>
        <source>Min</source>
        <translation>Min</translation>
    </message>
    <message>
        <source>Max</source>
        <translation>Max</translation>
    </message>
</context>
<context>
    <name>radpath::app::PacsController</name>
    <message>
        <source>Sending was cancelled.</source>
        <translation>L’envoi a été annulé.</translation>
    </message>
    <message>
        <source>De-identification was cancelled; the files written so far are complete.</source>
        <translation>L’anonymisation a été annulée ; les fichiers écrits jusque-là sont complets.</translation>
    </message>
    <message>
        <source>PACS</source>
        <translation>PACS</translation>
    </message>
    <message>
        <source>Send to PACS</source>
        <translation>Envoyer au PACS</translation>
    </message>
    <message>
        <source>Choose a PACS node: none is set up yet.</source>
        <translation>Choisissez un nœud PACS : aucun n’est encore configuré.</translation>
    </message>
    <message>
        <source>Sending %1 to %2</source>
        <translation>Envoi de %1 à %2</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n instance(s) to %1.</source>
        <translation>
            <numerusform>%n instance envoyée à %1.</numerusform>
            <numerusform>%n instances envoyées à %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sending to %1 failed: %2</source>
        <translation>L’envoi à %1 a échoué : %2</translation>
    </message>
    <message>
        <source>De-identifying into %1</source>
        <translation>Anonymisation vers %1</translation>
    </message>
    <message numerus="yes">
        <source>%n de-identified file(s) written to %1.</source>
        <translation>
            <numerusform>%n fichier anonymisé écrit dans %1.</numerusform>
            <numerusform>%n fichiers anonymisés écrits dans %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be de-identified.</source>
        <translation>
            <numerusform>%n fichier n’a pas pu être anonymisé.</numerusform>
            <numerusform>%n fichiers n’ont pas pu être anonymisés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): some images may show patient data burned into their pixels, which de-identification does not remove. Check them before sharing.</source>
        <translation>
            <numerusform>%n avertissement : certaines images peuvent montrer des données du patient incrustées dans leurs pixels, que l’anonymisation ne retire pas. Vérifiez-les avant de les partager.</numerusform>
            <numerusform>%n avertissements : certaines images peuvent montrer des données du patient incrustées dans leurs pixels, que l’anonymisation ne retire pas. Vérifiez-les avant de les partager.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export de-identified</source>
        <translation>Exporter anonymisé</translation>
    </message>
    <message>
        <source>De-identification failed: %1</source>
        <translation>L’anonymisation a échoué : %1</translation>
    </message>
</context>
<context>
    <name>radpath::app::PacsNodeEditor</name>
    <message>
        <source>DICOM (DIMSE)</source>
        <translation>DICOM (DIMSE)</translation>
    </message>
    <message>
        <source>DICOMweb</source>
        <translation>DICOMweb</translation>
    </message>
    <message>
        <source>e.g. PACS</source>
        <translation>p. ex. PACS</translation>
    </message>
    <message>
        <source>host name or address</source>
        <translation>nom d’hôte ou adresse</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Aucune</translation>
    </message>
    <message>
        <source>Basic (user and password)</source>
        <translation>Basic (utilisateur et mot de passe)</translation>
    </message>
    <message>
        <source>Bearer token</source>
        <translation>Jeton Bearer</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Utilisateur</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Mot de passe</translation>
    </message>
    <message>
        <source>Store in the settings file (plain text)</source>
        <translation>Enregistrer dans le fichier de paramètres (texte en clair)</translation>
    </message>
    <message>
        <source>Only if no keyring is available and you accept that anyone who can read the settings file can read the secret</source>
        <translation>Seulement si aucun trousseau n’est disponible et si vous acceptez que quiconque peut lire le fichier de paramètres puisse lire le secret</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Tester la connexion</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protocole</translation>
    </message>
    <message>
        <source>AE title</source>
        <translation>Titre AE</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Hôte</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Base URL</source>
        <translation>URL de base</translation>
    </message>
    <message>
        <source>Authentication</source>
        <translation>Authentification</translation>
    </message>
    <message>
        <source>Test cancelled.</source>
        <translation>Test annulé.</translation>
    </message>
    <message>
        <source>Token</source>
        <translation>Jeton</translation>
    </message>
    <message>
        <source>The secret will be written to the settings file as plain text: anyone who can read that file can read it.</source>
        <translation>Le secret sera écrit en clair dans le fichier de paramètres : quiconque peut lire ce fichier peut le lire.</translation>
    </message>
    <message>
        <source>Looking for the system keyring…</source>
        <translation>Recherche du trousseau du système…</translation>
    </message>
    <message>
        <source>The secret is kept in the system keyring.</source>
        <translation>Le secret est conservé dans le trousseau du système.</translation>
    </message>
    <message>
        <source>No keyring service is available (the keyring answered: %1). The secret is kept for this session only; tick “Store in the settings file (plain text)” to keep it across restarts.</source>
        <translation>Aucun service de trousseau n’est disponible (réponse du trousseau : %1). Le secret n’est conservé que pour cette session ; cochez « Enregistrer dans le fichier de paramètres (texte en clair) » pour le garder après un redémarrage.</translation>
    </message>
    <message>
        <source>Connection failed: %1</source>
        <translation>Échec de la connexion : %1</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Test de %1…</translation>
    </message>
    <message>
        <source>Testing connection to %1</source>
        <translation>Test de la connexion à %1</translation>
    </message>
    <message>
        <source>Connection works: %1 answered in %2 ms.</source>
        <translation>La connexion fonctionne : %1 a répondu en %2 ms.</translation>
    </message>
    <message>
        <source>DICOM TLS: the PACS must show a certificate for this host, signed by the CA</source>
        <translation>DICOM TLS : le PACS doit présenter un certificat pour cet hôte, signé par l’autorité de certification</translation>
    </message>
    <message>
        <source>the system&apos;s trusted certificates</source>
        <translation>les certificats de confiance du système</translation>
    </message>
    <message>
        <source>none (optional)</source>
        <translation>aucun (facultatif)</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.cer *.key);;All files (*)</source>
        <translation>Fichiers PEM (*.pem *.crt *.cer *.key);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>CA certificate</source>
        <translation>Certificat de l’AC</translation>
    </message>
    <message>
        <source>Trusted CA certificate</source>
        <translation>Certificat d’AC de confiance</translation>
    </message>
    <message>
        <source>Client certificate</source>
        <translation>Certificat client</translation>
    </message>
    <message>
        <source>RadPath&apos;s client certificate</source>
        <translation>Certificat client de RadPath</translation>
    </message>
    <message>
        <source>Client key</source>
        <translation>Clé client</translation>
    </message>
    <message>
        <source>Private key of the client certificate</source>
        <translation>Clé privée du certificat client</translation>
    </message>
    <message>
        <source>Choose a file</source>
        <translation>Choisir un fichier</translation>
    </message>
</context>
<context>
    <name>radpath::app::PacsQueryDialog</name>
    <message>
        <source>Query/Retrieve</source>
        <translation>Interroger le PACS</translation>
    </message>
    <message>
        <source>Nodes…</source>
        <translation>Nœuds…</translation>
    </message>
    <message>
        <source>Add or change PACS nodes (Tools &gt; Settings &gt; PACS)</source>
        <translation>Ajouter ou modifier des nœuds PACS (Outils &gt; Paramètres &gt; PACS)</translation>
    </message>
    <message>
        <source>PACS</source>
        <translation>PACS</translation>
    </message>
    <message>
        <source>Matches names starting with the text; * and ? are wildcards</source>
        <translation>Trouve les noms qui commencent par le texte ; * et ? sont des jokers</translation>
    </message>
    <message>
        <source>any</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <source>Patient name</source>
        <translation>Nom du patient</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>ID patient</translation>
    </message>
    <message>
        <source>Accession</source>
        <translation>N° d’accès</translation>
    </message>
    <message>
        <source>Study date from</source>
        <translation>Date d’étude du</translation>
    </message>
    <message>
        <source>to</source>
        <translation>au</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modalité</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Modalities</source>
        <translation>Modalités</translation>
    </message>
    <message>
        <source>Series</source>
        <translation>Séries</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>Instances</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Numéro</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Select series to retrieve only those; with none selected the whole study is retrieved</source>
        <translation>Sélectionnez des séries pour ne récupérer qu’elles ; sans sélection, toute l’étude est récupérée</translation>
    </message>
    <message>
        <source>C-GET</source>
        <translation>C-GET</translation>
    </message>
    <message>
        <source>The PACS sends the images back on the same connection</source>
        <translation>Le PACS renvoie les images sur la même connexion</translation>
    </message>
    <message>
        <source>C-MOVE</source>
        <translation>C-MOVE</translation>
    </message>
    <message>
        <source>The PACS sends the images to RadPath&apos;s AE title and storage port; it must know them</source>
        <translation>Le PACS envoie les images au titre AE et au port de réception de RadPath ; il doit les connaître</translation>
    </message>
    <message>
        <source>Retrieve study</source>
        <translation>Récupérer l’étude</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Retrieve with</source>
        <translation>Récupérer avec</translation>
    </message>
    <message>
        <source>Search cancelled.</source>
        <translation>Recherche annulée.</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message numerus="yes">
        <source>Done: %n instance(s)</source>
        <translation>
            <numerusform>Terminé : %n instance</numerusform>
            <numerusform>Terminé : %n instances</numerusform>
        </translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Échec</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Annulé</translation>
    </message>
    <message numerus="yes">
        <source>Retrieval cancelled; %n series completed and imported.</source>
        <translation>
            <numerusform>Récupération annulée ; %n série récupérée et importée.</numerusform>
            <numerusform>Récupération annulée ; %n séries récupérées et importées.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieval failed: %1
The %n series retrieved before it are in the study database.</source>
        <translation>
            <numerusform>Échec de la récupération : %1
La série récupérée auparavant (%n) est dans la base d’études.</numerusform>
            <numerusform>Échec de la récupération : %1
Les %n séries récupérées auparavant sont dans la base d’études.</numerusform>
        </translation>
    </message>
    <message>
        <source>Retrieval failed: %1</source>
        <translation>Échec de la récupération : %1</translation>
    </message>
    <message numerus="yes">
        <source>Retrieved %n series into the study database.</source>
        <translation>
            <numerusform>%n série récupérée dans la base d’études.</numerusform>
            <numerusform>%n séries récupérées dans la base d’études.</numerusform>
        </translation>
    </message>
    <message>
        <source>No PACS node is set up yet: add one with “Nodes…”.</source>
        <translation>Aucun nœud PACS n’est encore configuré : ajoutez-en un avec « Nœuds… ».</translation>
    </message>
    <message>
        <source>Choose a PACS node first, or add one with “Nodes…”.</source>
        <translation>Choisissez d’abord un nœud PACS, ou ajoutez-en un avec « Nœuds… ».</translation>
    </message>
    <message>
        <source>No password or token is known for %1: enter it in the PACS settings.</source>
        <translation>Aucun mot de passe ni jeton n’est connu pour %1 : saisissez-le dans les paramètres PACS.</translation>
    </message>
    <message>
        <source>Searching %1…</source>
        <translation>Recherche sur %1…</translation>
    </message>
    <message>
        <source>Searching %1</source>
        <translation>Recherche sur %1</translation>
    </message>
    <message numerus="yes">
        <source>%n study(ies) found.</source>
        <translation>
            <numerusform>%n étude trouvée.</numerusform>
            <numerusform>%n études trouvées.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>Échec de la recherche : %1</translation>
    </message>
    <message>
        <source>Listing series on %1</source>
        <translation>Liste des séries sur %1</translation>
    </message>
    <message>
        <source>Listing the series failed: %1</source>
        <translation>Échec de la liste des séries : %1</translation>
    </message>
    <message>
        <source>This node cannot send with C-MOVE: use C-GET.</source>
        <translation>Ce nœud ne peut pas envoyer par C-MOVE : utilisez C-GET.</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>En attente</translation>
    </message>
    <message numerus="yes">
        <source>Retrieving %n series…</source>
        <translation>
            <numerusform>Récupération de %n série…</numerusform>
            <numerusform>Récupération de %n séries…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Retrieve %n series</source>
        <translation>
            <numerusform>Récupérer %n série</numerusform>
            <numerusform>Récupérer %n séries</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>radpath::app::PacsRetriever</name>
    <message>
        <source>Retrieving series %1 of %2</source>
        <translation>Récupération de la série %1 sur %2</translation>
    </message>
    <message>
        <source>Retrieving series %1 of %2 (%3)</source>
        <translation>Récupération de la série %1 sur %2 (%3)</translation>
    </message>
</context>
<context>
    <name>radpath::app::PacsSendDialog</name>
    <message>
        <source>Send to PACS</source>
        <translation>Envoyer au PACS</translation>
    </message>
    <message numerus="yes">
        <source>Send %1 (%n file(s)) with C-STORE to:</source>
        <translation>
            <numerusform>Envoyer %1 (%n fichier) par C-STORE à :</numerusform>
            <numerusform>Envoyer %1 (%n fichiers) par C-STORE à :</numerusform>
        </translation>
    </message>
    <message>
        <source>No PACS node is set up yet: add one in Tools &gt; Settings &gt; PACS.</source>
        <translation>Aucun nœud PACS n’est encore configuré : ajoutez-en un dans Outils &gt; Paramètres &gt; PACS.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Envoyer</translation>
    </message>
    <message>
        <source>PACS</source>
        <translation>PACS</translation>
    </message>
</context>
<context>
    <name>radpath::app::PacsSettingsPage</name>
    <message>
        <source>Remote nodes</source>
        <translation>Nœuds distants</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Cet ordinateur</translation>
    </message>
    <message>
        <source>RadPath listens on this port while a C-MOVE runs; the PACS must know RadPath&apos;s AE title with this computer&apos;s address and this port</source>
        <translation>RadPath écoute sur ce port pendant un C-MOVE ; le PACS doit connaître le titre AE de RadPath avec l’adresse de cet ordinateur et ce port</translation>
    </message>
    <message>
        <source>RadPath&apos;s AE title</source>
        <translation>Titre AE de RadPath</translation>
    </message>
    <message>
        <source>Storage port (C-MOVE)</source>
        <translation>Port de réception (C-MOVE)</translation>
    </message>
    <message>
        <source>(unnamed)</source>
        <translation>(sans nom)</translation>
    </message>
    <message>
        <source>New PACS</source>
        <translation>Nouveau PACS</translation>
    </message>
    <message>
        <source>Saved in the system keyring.</source>
        <translation>Enregistré dans le trousseau du système.</translation>
    </message>
    <message>
        <source>Not saved: no keyring service is available (the keyring answered: %1). The secret is kept for this session only.</source>
        <translation>Non enregistré : aucun service de trousseau n’est disponible (réponse du trousseau : %1). Le secret n’est conservé que pour cette session.</translation>
    </message>
</context>
<context>
    <name>radpath::app::ReportEditorDialog</name>
    <message>
        <source>Report</source>
        <translation>Compte rendu</translation>
    </message>
    <message>
        <source>Findings and impression in your words</source>
        <translation>Constatations et conclusion dans vos mots</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Constatation</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Revue</translation>
    </message>
    <message>
        <source>Add key image</source>
        <translation>Ajouter une image clé</translation>
    </message>
    <message>
        <source>De-identified</source>
        <translation>Anonymisé</translation>
    </message>
    <message>
        <source>Report text</source>
        <translation>Texte du compte rendu</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Constatations</translation>
    </message>
    <message>
        <source>Key images</source>
        <translation>Images clés</translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation>Signer…</translation>
    </message>
    <message>
        <source>Add addendum…</source>
        <translation>Ajouter un addendum…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>Exporter en PDF…</translation>
    </message>
    <message>
        <source>Export to study</source>
        <translation>Exporter dans l’examen</translation>
    </message>
    <message>
        <source>Edit finding</source>
        <translation>Modifier la constatation</translation>
    </message>
    <message>
        <source>Finding:</source>
        <translation>Constatation :</translation>
    </message>
    <message>
        <source>Key image %1</source>
        <translation>Image clé %1</translation>
    </message>
    <message>
        <source>Sign report</source>
        <translation>Signer le compte rendu</translation>
    </message>
    <message numerus="yes">
        <source>%n AI finding(s) still wait for review: accept, edit or reject each first.</source>
        <translation>
            <numerusform>%n constatation IA attend encore une revue : acceptez-la, modifiez-la ou rejetez-la d’abord.</numerusform>
            <numerusform>%n constatations IA attendent encore une revue : acceptez, modifiez ou rejetez chacune d’abord.</numerusform>
        </translation>
    </message>
    <message>
        <source>Signed by:</source>
        <translation>Signé par :</translation>
    </message>
    <message>
        <source>Addendum</source>
        <translation>Addendum</translation>
    </message>
    <message>
        <source>Addendum:</source>
        <translation>Addendum :</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>Exporter en PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>DICOM (*.dcm)</source>
        <translation>DICOM (*.dcm)</translation>
    </message>
    <message>
        <source>Report (signed by %1)</source>
        <translation>Compte rendu (signé par %1)</translation>
    </message>
    <message>
        <source>Add finding…</source>
        <translation>Ajouter une constatation…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Removes one of your own findings; AI findings are rejected instead</source>
        <translation>Supprime l’une de vos propres constatations ; celles de l’IA sont rejetées à la place</translation>
    </message>
    <message>
        <source>Add finding</source>
        <translation>Ajouter une constatation</translation>
    </message>
    <message>
        <source>Finding (a short name, a colon, then the finding):</source>
        <translation>Constatation (un nom court, deux-points, puis la constatation) :</translation>
    </message>
    <message>
        <source>Send to PACS…</source>
        <translation>Envoyer au PACS…</translation>
    </message>
    <message>
        <source>Draft saved</source>
        <translation>Brouillon enregistré</translation>
    </message>
    <message>
        <source>The draft is not saved: %1</source>
        <translation>Le brouillon n’est pas enregistré : %1</translation>
    </message>
</context>
<context>
    <name>radpath::app::SegmentEditorDock</name>
    <message>
        <source>Segment Editor</source>
        <translation>Éditeur de segments</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>A new empty label map on the volume&apos;s grid</source>
        <translation>Une nouvelle carte d’étiquettes vide sur la grille du volume</translation>
    </message>
    <message>
        <source>Label map</source>
        <translation>Carte d’étiquettes</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Paint</source>
        <translation>Peindre</translation>
    </message>
    <message>
        <source>Erase</source>
        <translation>Effacer</translation>
    </message>
    <message>
        <source>Fill</source>
        <translation>Remplir</translation>
    </message>
    <message>
        <source>Grow</source>
        <translation>Croissance</translation>
    </message>
    <message>
        <source>Paint the label with the brush (drag)</source>
        <translation>Peindre l’étiquette au pinceau (glisser)</translation>
    </message>
    <message>
        <source>Erase the label under the brush (drag)</source>
        <translation>Effacer l’étiquette sous le pinceau (glisser)</translation>
    </message>
    <message>
        <source>Fill the connected region under the click in this slice</source>
        <translation>Remplir la région connexe sous le clic dans cette coupe</translation>
    </message>
    <message>
        <source>Grow a region from the click: within the HU range when set, else from the values around it</source>
        <translation>Faire croître une région depuis le clic : dans la plage HU si elle est définie, sinon d’après les valeurs alentour</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>3-D sphere</source>
        <translation>Sphère 3D</translation>
    </message>
    <message>
        <source>Radius</source>
        <translation>Rayon</translation>
    </message>
    <message>
        <source>Only</source>
        <translation>Seulement</translation>
    </message>
    <message>
        <source>to</source>
        <translation>à</translation>
    </message>
    <message>
        <source>Values</source>
        <translation>Valeurs</translation>
    </message>
    <message>
        <source>Keep largest island</source>
        <translation>Garder le plus grand îlot</translation>
    </message>
    <message>
        <source>Remove small islands</source>
        <translation>Supprimer les petits îlots</translation>
    </message>
    <message>
        <source>Fill holes</source>
        <translation>Combler les trous</translation>
    </message>
    <message>
        <source>Smooth (median)</source>
        <translation>Lisser (médiane)</translation>
    </message>
    <message>
        <source>Interpolate slices</source>
        <translation>Interpoler les coupes</translation>
    </message>
    <message>
        <source> mL</source>
        <translation> mL</translation>
    </message>
    <message>
        <source>Islands smaller than this are removed</source>
        <translation>Les îlots plus petits sont supprimés</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Rétablir</translation>
    </message>
    <message>
        <source>Volume (mL)</source>
        <translation>Volume (mL)</translation>
    </message>
    <message>
        <source>Mean ± SD</source>
        <translation>Moyenne ± ÉT</translation>
    </message>
    <message>
        <source>Segmentation %1</source>
        <translation>Segmentation %1</translation>
    </message>
    <message>
        <source>Segment 1</source>
        <translation>Segment 1</translation>
    </message>
    <message>
        <source>Segment %1</source>
        <translation>Segment %1</translation>
    </message>
    <message>
        <source>Undo: %1 of %2 MB</source>
        <translation>Annulation : %1 Mo sur %2</translation>
    </message>
    <message>
        <source>%1 ± %2</source>
        <translation>%1 ± %2</translation>
    </message>
    <message>
        <source>Region growing</source>
        <translation>Croissance de région</translation>
    </message>
    <message>
        <source>Unite with</source>
        <translation>Unir avec</translation>
    </message>
    <message>
        <source>Intersect with</source>
        <translation>Intersecter avec</translation>
    </message>
    <message>
        <source>Subtract</source>
        <translation>Soustraire</translation>
    </message>
    <message>
        <source>A label of this map, or of another label map on its grid</source>
        <translation>Une étiquette de cette carte, ou d’une autre carte d’étiquettes sur sa grille</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Appliquer</translation>
    </message>
    <message>
        <source>Changes the current label by the other one</source>
        <translation>Modifie l’étiquette courante à l’aide de l’autre</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>%1: </source>
        <translation>%1 : </translation>
    </message>
    <message>
        <source>%1: %2 %3</source>
        <translation>%1 : %2 %3</translation>
    </message>
    <message numerus="yes">
        <source>%n voxel(s) changed</source>
        <translation>
            <numerusform>%n voxel modifié</numerusform>
            <numerusform>%n voxels modifiés</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled: the label map is unchanged</source>
        <translation>Annulé : la carte d’étiquettes est inchangée</translation>
    </message>
    <message>
        <source>The operation failed: %1</source>
        <translation>L’opération a échoué : %1</translation>
    </message>
    <message>
        <source>A voxel holds one label: two labels of the same map can only be united (choose a label of another label map to intersect or subtract)</source>
        <translation>Un voxel porte une seule étiquette : deux étiquettes de la même carte ne peuvent qu’être unies (choisissez une étiquette d’une autre carte d’étiquettes pour l’intersection ou la soustraction)</translation>
    </message>
</context>
<context>
    <name>radpath::app::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source> MB</source>
        <translation> Mo</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Par défaut du système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Dossier de données</translation>
    </message>
    <message>
        <source>Slide tile cache</source>
        <translation>Cache des tuiles de lames</translation>
    </message>
    <message>
        <source>Worker threads</source>
        <translation>Threads de travail</translation>
    </message>
    <message>
        <source>AI device</source>
        <translation>Périphérique d&apos;IA</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Language and data folder changes take effect at the next start.</source>
        <translation>Les changements de langue et de dossier de données prennent effet au prochain démarrage.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Général</translation>
    </message>
    <message>
        <source>Memory for undo and redo per label map edited; the oldest steps go first</source>
        <translation>Mémoire pour annuler et rétablir par carte d’étiquettes modifiée ; les étapes les plus anciennes sont supprimées en premier</translation>
    </message>
    <message>
        <source>Segmentation</source>
        <translation>Segmentation</translation>
    </message>
    <message>
        <source>Undo memory</source>
        <translation>Mémoire d’annulation</translation>
    </message>
</context>
<context>
    <name>radpath::app::StudyBrowserDock</name>
    <message>
        <source>Studies</source>
        <translation>Examens</translation>
    </message>
    <message>
        <source>Search name, ID, date, modality</source>
        <translation>Rechercher nom, ID, date, modalité</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Add the DICOM files of a folder to the study database</source>
        <translation>Ajouter les fichiers DICOM d&apos;un dossier à la base des examens</translation>
    </message>
    <message>
        <source>Patient / series</source>
        <translation>Patient / série</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Import DICOM folder</source>
        <translation>Importer un dossier DICOM</translation>
    </message>
    <message>
        <source>Importing %1</source>
        <translation>Importation de %1</translation>
    </message>
    <message>
        <source>Double-click to open</source>
        <translation>Double-cliquer pour ouvrir</translation>
    </message>
    <message>
        <source>The study database cannot be read: %1</source>
        <translation>La base des examens ne peut pas être lue : %1</translation>
    </message>
    <message>
        <source>the series “%1”</source>
        <translation>la série « %1 »</translation>
    </message>
    <message>
        <source>the study of %1</source>
        <translation>l’étude de %1</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Send to PACS…</source>
        <translation>Envoyer au PACS…</translation>
    </message>
    <message>
        <source>Export de-identified…</source>
        <translation>Exporter anonymisé…</translation>
    </message>
</context>
<context>
    <name>radpath::app::TagBrowserDialog</name>
    <message>
        <source>DICOM tags - %1</source>
        <translation>Balises DICOM – %1</translation>
    </message>
    <message>
        <source>Filter by tag, keyword or value, e.g. 0010 or PatientName</source>
        <translation>Filtrer par balise, mot-clé ou valeur, p. ex. 0010 ou PatientName</translation>
    </message>
    <message>
        <source>Copy value</source>
        <translation>Copier la valeur</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Balise</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Mot-clé</translation>
    </message>
    <message>
        <source>VR</source>
        <translation>VR</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Valeur</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
</context>
<context>
    <name>radpath::app::TrainingDataPage</name>
    <message>
        <source>Dataset</source>
        <translation>Jeu de données</translation>
    </message>
    <message>
        <source>Choose the folder that holds the labelled images. RadPath reads file names and headers now and the pixels when training starts.</source>
        <translation>Choisissez le dossier qui contient les images étiquetées. RadPath lit maintenant les noms de fichiers et les en-têtes, et les pixels au démarrage de l’entraînement.</translation>
    </message>
    <message>
        <source>Dataset folder</source>
        <translation>Dossier du jeu de données</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>The share of each class kept for validation when the folder is not split into train/ and val/ already</source>
        <translation>La part de chaque classe réservée à la validation lorsque le dossier n’est pas déjà réparti en train/ et val/</translation>
    </message>
    <message>
        <source>Validation share:</source>
        <translation>Part de validation :</translation>
    </message>
    <message>
        <source> px</source>
        <translation> px</translation>
    </message>
    <message>
        <source> µm per pixel</source>
        <translation> µm par pixel</translation>
    </message>
    <message>
        <source>The resolution tiles are cut at: 0.25 is about 40×, 0.5 about 20×, 2 about 5×</source>
        <translation>La résolution à laquelle les tuiles sont découpées : 0,25 correspond à environ 40×, 0,5 à environ 20×, 2 à environ 5×</translation>
    </message>
    <message>
        <source>Tiles of</source>
        <translation>Tuiles de</translation>
    </message>
    <message>
        <source>at</source>
        <translation>à</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <source>Why it is left out</source>
        <translation>Motif de l’exclusion</translation>
    </message>
    <message>
        <source>Samples:</source>
        <translation>Exemples :</translation>
    </message>
    <message>
        <source>%1: %2 %</source>
        <translation>%1 : %2 %</translation>
    </message>
    <message>
        <source>No folder chosen yet.</source>
        <translation>Aucun dossier choisi pour l’instant.</translation>
    </message>
    <message>
        <source>Choose the folder of annotated slides (or of tile images by class). The tiles are cut now, in the background.</source>
        <translation>Choisissez le dossier des lames annotées (ou d’images de tuiles rangées par classe). Les tuiles sont découpées dès maintenant, en arrière-plan.</translation>
    </message>
    <message>
        <source>Scanning %1…</source>
        <translation>Analyse de %1…</translation>
    </message>
    <message>
        <source>Scanning the dataset</source>
        <translation>Analyse du jeu de données</translation>
    </message>
    <message>
        <source>cutting tiles</source>
        <translation>découpage des tuiles</translation>
    </message>
    <message>
        <source>The folder could not be scanned: %1</source>
        <translation>Le dossier n’a pas pu être analysé : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) with label maps.</source>
        <translation>
            <numerusform>%n image avec carte d’étiquettes.</numerusform>
            <numerusform>%n images avec cartes d’étiquettes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n tile(s) of %1 px at %2 µm per pixel from %3 slide(s), in %4 classes.</source>
        <translation>
            <numerusform>%n tuile de %1 px à %2 µm par pixel issue de %3 lame(s), en %4 classes.</numerusform>
            <numerusform>%n tuiles de %1 px à %2 µm par pixel issues de %3 lame(s), en %4 classes.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n image(s) in %1 classes.</source>
        <translation>
            <numerusform>%n image en %1 classes.</numerusform>
            <numerusform>%n images en %1 classes.</numerusform>
        </translation>
    </message>
    <message>
        <source>Split by its train/val/test folders.</source>
        <translation>Réparti selon ses dossiers train/val/test.</translation>
    </message>
    <message>
        <source>Not split into folders: %1 % of each class is kept for validation.</source>
        <translation>Non réparti en dossiers : %1 % de chaque classe est réservé à la validation.</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>Test</source>
        <translation>Test</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <source>image / label pairs</source>
        <translation>paires image / étiquette</translation>
    </message>
    <message>
        <source>images</source>
        <translation>images</translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) cannot be used</source>
        <translation>
            <numerusform>%n fichier inutilisable</numerusform>
            <numerusform>%n fichiers inutilisables</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>radpath::app::TrainingEvaluationPage</name>
    <message>
        <source>Evaluation</source>
        <translation>Évaluation</translation>
    </message>
    <message>
        <source>ROC (one class against the rest)</source>
        <translation>ROC (une classe contre les autres)</translation>
    </message>
    <message>
        <source>1 − specificity</source>
        <translation>1 − spécificité</translation>
    </message>
    <message>
        <source>sensitivity</source>
        <translation>sensibilité</translation>
    </message>
    <message>
        <source>Reliability</source>
        <translation>Diagramme de fiabilité</translation>
    </message>
    <message>
        <source>confidence</source>
        <translation>confiance</translation>
    </message>
    <message>
        <source>accuracy</source>
        <translation>exactitude</translation>
    </message>
    <message>
        <source>Confusion matrix (rows: truth, columns: predicted)</source>
        <translation>Matrice de confusion (lignes : vérité, colonnes : prédiction)</translation>
    </message>
    <message>
        <source>Per class</source>
        <translation>Par classe</translation>
    </message>
    <message>
        <source>Per label</source>
        <translation>Par étiquette</translation>
    </message>
    <message>
        <source>Dice per image</source>
        <translation>Dice par image</translation>
    </message>
    <message>
        <source>Evaluating… %1 %</source>
        <translation>Évaluation… %1 %</translation>
    </message>
    <message>
        <source>The evaluation was cancelled.</source>
        <translation>L’évaluation a été annulée.</translation>
    </message>
    <message>
        <source>The evaluation failed: %1</source>
        <translation>L’évaluation a échoué : %1</translation>
    </message>
    <message>
        <source>Evaluating on the %1 split…</source>
        <translation>Évaluation sur l’ensemble « %1 »…</translation>
    </message>
    <message>
        <source>Evaluating the trained model</source>
        <translation>Évaluation du modèle entraîné</translation>
    </message>
    <message>
        <source>no decoded %1 image to evaluate on</source>
        <translation>aucune image décodée de l’ensemble « %1 » à évaluer</translation>
    </message>
    <message>
        <source>test</source>
        <translation>test</translation>
    </message>
    <message>
        <source>validation</source>
        <translation>validation</translation>
    </message>
    <message numerus="yes">
        <source>%n %1 image(s), accuracy %2.</source>
        <translation>
            <numerusform>%n image de %1, exactitude %2.</numerusform>
            <numerusform>%n images de %1, exactitude %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n %1 image(s).</source>
        <translation>
            <numerusform>%n image de %1.</numerusform>
            <numerusform>%n images de %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Effectif</translation>
    </message>
    <message>
        <source>Sensitivity</source>
        <translation>Sensibilité</translation>
    </message>
    <message>
        <source>Specificity</source>
        <translation>Spécificité</translation>
    </message>
    <message>
        <source>Precision</source>
        <translation>Précision</translation>
    </message>
    <message>
        <source>F1</source>
        <translation>F1</translation>
    </message>
    <message>
        <source>AUC (95 % CI)</source>
        <translation>AUC (IC à 95 %)</translation>
    </message>
    <message>
        <source>%1 (%2–%3)</source>
        <translation>%1 (%2–%3)</translation>
    </message>
    <message>
        <source>chance</source>
        <translation>hasard</translation>
    </message>
    <message>
        <source>threshold</source>
        <translation>seuil</translation>
    </message>
    <message>
        <source>perfect calibration</source>
        <translation>calibration parfaite</translation>
    </message>
    <message>
        <source>model</source>
        <translation>modèle</translation>
    </message>
    <message numerus="yes">
        <source>Expected calibration error (ECE): %1 over %n bin(s)</source>
        <translation>
            <numerusform>Erreur de calibration attendue (ECE) : %1 sur %n intervalle</numerusform>
            <numerusform>Erreur de calibration attendue (ECE) : %1 sur %n intervalles</numerusform>
        </translation>
    </message>
    <message>
        <source>Threshold for &apos;%1&apos;:</source>
        <translation>Seuil pour « %1 » :</translation>
    </message>
    <message>
        <source>Dice</source>
        <translation>Dice</translation>
    </message>
    <message>
        <source>HD95 (mm)</source>
        <translation>HD95 (mm)</translation>
    </message>
    <message>
        <source>Images with the label</source>
        <translation>Images avec l’étiquette</translation>
    </message>
    <message>
        <source>The threshold applies to models with two classes.</source>
        <translation>Le seuil s’applique aux modèles à deux classes.</translation>
    </message>
    <message>
        <source>Calling &apos;%1&apos; at probability ≥ %2: sensitivity %3 · specificity %4 · precision %5 (TP %6, FP %7, TN %8, FN %9)</source>
        <translation>« %1 » à partir d’une probabilité ≥ %2 : sensibilité %3 · spécificité %4 · précision %5 (VP %6, FP %7, VN %8, FN %9)</translation>
    </message>
    <message>
        <source>The trained model on the test split: images the run never saw. Without a test split the validation split stands in, which the run reported on after every epoch.</source>
        <translation>Le modèle entraîné sur l’ensemble de test : des images que l’entraînement n’a jamais vues. Sans ensemble de test, l’ensemble de validation le remplace ; l’entraînement l’a évalué après chaque époque.</translation>
    </message>
</context>
<context>
    <name>radpath::app::TrainingExportPage</name>
    <message>
        <source>Export</source>
        <translation>Exportation</translation>
    </message>
    <message>
        <source>Add the model to your model library to run it from the AI panel, and keep a report of how it was made.</source>
        <translation>Ajoutez le modèle à votre bibliothèque de modèles pour l’exécuter depuis le panneau d’IA, et conservez un rapport sur la façon dont il a été créé.</translation>
    </message>
    <message>
        <source>Add to the model library</source>
        <translation>Ajouter à la bibliothèque de modèles</translation>
    </message>
    <message>
        <source>Model library</source>
        <translation>Bibliothèque de modèles</translation>
    </message>
    <message>
        <source>Save training report (PDF)…</source>
        <translation>Enregistrer le rapport d’entraînement (PDF)…</translation>
    </message>
    <message>
        <source>Save predictions (CSV)…</source>
        <translation>Enregistrer les prédictions (CSV)…</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Rapport</translation>
    </message>
    <message>
        <source>Save training report</source>
        <translation>Enregistrer le rapport d’entraînement</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save predictions</source>
        <translation>Enregistrer les prédictions</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>No trained model yet.</source>
        <translation>Pas encore de modèle entraîné.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; (%2)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; (%2)</translation>
    </message>
    <message>
        <source>Library folder: %1</source>
        <translation>Dossier de la bibliothèque : %1</translation>
    </message>
    <message>
        <source>Added as %1. The AI panel lists it.</source>
        <translation>Ajouté sous le nom %1. Le panneau d’IA le répertorie.</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Non ajouté : %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 enregistré</translation>
    </message>
    <message>
        <source>Copying the package into the library…</source>
        <translation>Copie du paquet dans la bibliothèque…</translation>
    </message>
    <message>
        <source>Adding %1 to the model library</source>
        <translation>Ajout de %1 à la bibliothèque de modèles</translation>
    </message>
</context>
<context>
    <name>radpath::app::TrainingModelPage</name>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>Train a new network, or fine-tune a model you have: its weights are the start and its head is replaced when the classes differ.</source>
        <translation>Entraînez un nouveau réseau ou affinez un modèle existant : ses poids servent de point de départ et sa tête est remplacée si les classes diffèrent.</translation>
    </message>
    <message>
        <source>New network:</source>
        <translation>Nouveau réseau :</translation>
    </message>
    <message>
        <source>Fine-tune a package:</source>
        <translation>Affiner un paquet :</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <source>Train only the head (freeze the features)</source>
        <translation>N’entraîner que la tête (geler les caractéristiques)</translation>
    </message>
    <message>
        <source>Keeps the package&apos;s feature layers as they are and trains only the last layer: quick, and safer with few images</source>
        <translation>Conserve telles quelles les couches de caractéristiques du paquet et n’entraîne que la dernière couche : rapide, et plus sûr avec peu d’images</translation>
    </message>
    <message>
        <source>Start from</source>
        <translation>Point de départ</translation>
    </message>
    <message>
        <source>Channels of the first convolution; the deeper layers scale with it</source>
        <translation>Canaux de la première convolution ; les couches plus profondes suivent en proportion</translation>
    </message>
    <message>
        <source>depth</source>
        <translation>profondeur</translation>
    </message>
    <message>
        <source>height</source>
        <translation>hauteur</translation>
    </message>
    <message>
        <source>width</source>
        <translation>largeur</translation>
    </message>
    <message>
        <source>1 (grey; colour images are turned grey)</source>
        <translation>1 (gris ; les images couleur sont converties en niveaux de gris)</translation>
    </message>
    <message>
        <source>3 (colour)</source>
        <translation>3 (couleur)</translation>
    </message>
    <message>
        <source>Network and input</source>
        <translation>Réseau et entrée</translation>
    </message>
    <message>
        <source>Base filters:</source>
        <translation>Filtres de base :</translation>
    </message>
    <message>
        <source>Input size (pixels):</source>
        <translation>Taille d’entrée (pixels) :</translation>
    </message>
    <message>
        <source>Channels:</source>
        <translation>Canaux :</translation>
    </message>
    <message>
        <source>Model package to fine-tune</source>
        <translation>Paquet de modèle à affiner</translation>
    </message>
    <message>
        <source>RadPath model packages (*.pt)</source>
        <translation>Paquets de modèles RadPath (*.pt)</translation>
    </message>
    <message>
        <source>U-Net 3-D</source>
        <translation>U-Net 3D</translation>
    </message>
    <message>
        <source>U-Net 2-D</source>
        <translation>U-Net 2D</translation>
    </message>
    <message>
        <source>SimpleCNN (small, fast)</source>
        <translation>SimpleCNN (petit, rapide)</translation>
    </message>
    <message>
        <source>ResNet-18</source>
        <translation>ResNet-18</translation>
    </message>
    <message>
        <source>ResNet-34</source>
        <translation>ResNet-34</translation>
    </message>
    <message>
        <source>%1 %2 (%3)</source>
        <translation>%1 %2 (%3)</translation>
    </message>
    <message>
        <source>Input size, channels and intensity scaling come from the package.</source>
        <translation>La taille d’entrée, les canaux et la mise à l’échelle des intensités proviennent du paquet.</translation>
    </message>
    <message>
        <source>Tiles are cut at the size chosen on the data page, in colour.</source>
        <translation>Les tuiles sont découpées à la taille choisie sur la page des données, en couleur.</translation>
    </message>
    <message>
        <source>Segmenters train on random patches of this size and run as a sliding window.</source>
        <translation>Les segmenteurs s’entraînent sur des patchs aléatoires de cette taille et s’exécutent en fenêtre glissante.</translation>
    </message>
    <message>
        <source>Every image is resized to this size.</source>
        <translation>Chaque image est redimensionnée à cette taille.</translation>
    </message>
    <message>
        <source>No %1 package in the library: Browse…</source>
        <translation>Aucun paquet de %1 dans la bibliothèque : Parcourir…</translation>
    </message>
    <message>
        <source>segmentation</source>
        <translation>segmentation</translation>
    </message>
    <message>
        <source>tile classification</source>
        <translation>classification de tuiles</translation>
    </message>
    <message>
        <source>classification</source>
        <translation>classification</translation>
    </message>
    <message>
        <source>Choose a package to fine-tune.</source>
        <translation>Choisissez un paquet à affiner.</translation>
    </message>
    <message>
        <source>%1 needs input sides that are multiples of %2.</source>
        <translation>%1 nécessite des côtés d’entrée multiples de %2.</translation>
    </message>
    <message>
        <source>Checked layers keep the package&apos;s weights; the others are trained</source>
        <translation>Les couches cochées gardent les poids du paquet ; les autres sont entraînées</translation>
    </message>
    <message>
        <source>Or freeze these layers:</source>
        <translation>Ou figer ces couches :</translation>
    </message>
    <message>
        <source>Reading the layers of %1</source>
        <translation>Lecture des couches de %1</translation>
    </message>
    <message>
        <source>The package&apos;s layers cannot be read: %1</source>
        <translation>Les couches du paquet ne peuvent pas être lues : %1</translation>
    </message>
</context>
<context>
    <name>radpath::app::TrainingRunPage</name>
    <message>
        <source>decoding images</source>
        <translation>décodage des images</translation>
    </message>
    <message>
        <source>cutting slide tiles</source>
        <translation>découpage des tuiles des lames</translation>
    </message>
    <message>
        <source>loading the AI engine</source>
        <translation>chargement du moteur d’IA</translation>
    </message>
    <message>
        <source>the input size and channels are unknown</source>
        <translation>la taille d’entrée et les canaux sont inconnus</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Entraînement</translation>
    </message>
    <message>
        <source>The curves grow as epochs end. A checkpoint is written after every epoch: a cancelled or interrupted run can be resumed.</source>
        <translation>Les courbes s’allongent à chaque fin d’époque. Un point de contrôle est écrit après chaque époque : un entraînement annulé ou interrompu peut être repris.</translation>
    </message>
    <message>
        <source>Start training</source>
        <translation>Démarrer l’entraînement</translation>
    </message>
    <message>
        <source>Resume from checkpoint</source>
        <translation>Reprendre au point de contrôle</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Cancel run</source>
        <translation>Annuler l’entraînement</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>Perte</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>époque</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>perte</translation>
    </message>
    <message>
        <source>Validation</source>
        <translation>Validation</translation>
    </message>
    <message>
        <source>Start over</source>
        <translation>Recommencer</translation>
    </message>
    <message>
        <source>A checkpoint of an earlier run is there. Start over and delete it?</source>
        <translation>Il existe un point de contrôle d’un entraînement précédent. Recommencer et le supprimer ?</translation>
    </message>
    <message>
        <source>Running: %1</source>
        <translation>En cours : %1</translation>
    </message>
    <message>
        <source>A checkpoint of an earlier run is there: resume it, or start over.</source>
        <translation>Il existe un point de contrôle d’un entraînement précédent : reprenez-le ou recommencez.</translation>
    </message>
    <message>
        <source>Ready to train.</source>
        <translation>Prêt pour l’entraînement.</translation>
    </message>
    <message>
        <source>training loss</source>
        <translation>perte d’entraînement</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>perte de validation</translation>
    </message>
    <message>
        <source>validation Dice</source>
        <translation>Dice de validation</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>exactitude de validation</translation>
    </message>
    <message>
        <source>validation AUC</source>
        <translation>AUC de validation</translation>
    </message>
    <message>
        <source>Validation Dice</source>
        <translation>Dice de validation</translation>
    </message>
    <message>
        <source>Validation accuracy and AUC</source>
        <translation>Exactitude et AUC de validation</translation>
    </message>
    <message>
        <source>Epoch</source>
        <translation>Époque</translation>
    </message>
    <message>
        <source>Train loss</source>
        <translation>Perte d’entraînement</translation>
    </message>
    <message>
        <source>Val loss</source>
        <translation>Perte val.</translation>
    </message>
    <message>
        <source>Val Dice</source>
        <translation>Dice val.</translation>
    </message>
    <message>
        <source>Val accuracy</source>
        <translation>Exactitude val.</translation>
    </message>
    <message>
        <source>Val AUC</source>
        <translation>AUC val.</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>Taux d’apprentissage</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>Temps (s)</translation>
    </message>
    <message>
        <source>Waiting for data (s)</source>
        <translation>Attente des données (s)</translation>
    </message>
    <message>
        <source>%1 ★</source>
        <translation>%1 ★</translation>
    </message>
    <message>
        <source>The best epoch so far by the early-stopping figure</source>
        <translation>La meilleure époque jusqu’ici selon l’indicateur d’arrêt précoce</translation>
    </message>
    <message>
        <source>The settings cannot be used: %1</source>
        <translation>Les paramètres sont inutilisables : %1</translation>
    </message>
    <message>
        <source>RadPath training wizard%1</source>
        <translation>Assistant d’entraînement RadPath%1</translation>
    </message>
    <message>
        <source> (resumed)</source>
        <translation> (repris)</translation>
    </message>
    <message>
        <source>Resuming…</source>
        <translation>Reprise…</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>Démarrage…</translation>
    </message>
    <message>
        <source>Training %1</source>
        <translation>Entraînement de %1</translation>
    </message>
    <message>
        <source>Paused after the current batch. The run holds its place; Resume goes on.</source>
        <translation>En pause après le batch en cours. L’entraînement garde sa place ; « Reprendre » le poursuit.</translation>
    </message>
    <message>
        <source>Running…</source>
        <translation>En cours…</translation>
    </message>
    <message>
        <source>Cancelling at the next batch…</source>
        <translation>Annulation au prochain batch…</translation>
    </message>
    <message>
        <source>Finished: %1 (weights of epoch %2%3).</source>
        <translation>Terminé : %1 (poids de l’époque %2%3).</translation>
    </message>
    <message>
        <source>, stopped early</source>
        <translation>, arrêt précoce</translation>
    </message>
    <message>
        <source>Cancelled. The checkpoint of epoch %1 is kept: &quot;Resume from checkpoint&quot; goes on from there.</source>
        <translation>Annulé. Le point de contrôle de l’époque %1 est conservé : « Reprendre au point de contrôle » repart de là.</translation>
    </message>
    <message>
        <source>Cancelled before the first epoch ended.</source>
        <translation>Annulé avant la fin de la première époque.</translation>
    </message>
    <message>
        <source>Training failed: %1</source>
        <translation>Échec de l’entraînement : %1</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Reprendre</translation>
    </message>
    <message>
        <source>Elapsed %1</source>
        <translation>Écoulé : %1</translation>
    </message>
    <message>
        <source>about %1 left</source>
        <translation>encore environ %1</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>en pause</translation>
    </message>
    <message>
        <source>Paused: the images being read now are finished, then the run holds. Resume goes on.</source>
        <translation>En pause : les images en cours de lecture sont terminées, puis l’exécution s’arrête. « Reprendre » la poursuit.</translation>
    </message>
</context>
<context>
    <name>radpath::app::TrainingSettingsPage</name>
    <message>
        <source>Training settings</source>
        <translation>Paramètres d’entraînement</translation>
    </message>
    <message>
        <source>The defaults suit a first run. &quot;Save config…&quot; writes these settings as a train.json for radpath-cli train, e.g. to train on a server.</source>
        <translation>Les valeurs par défaut conviennent à un premier entraînement. « Enregistrer la configuration… » écrit ces paramètres dans un fichier train.json pour radpath-cli train, p. ex. pour entraîner sur un serveur.</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>AdamW</source>
        <translation>AdamW</translation>
    </message>
    <message>
        <source>SGD with momentum</source>
        <translation>SGD avec momentum</translation>
    </message>
    <message>
        <source>Cosine decay</source>
        <translation>Décroissance cosinus</translation>
    </message>
    <message>
        <source>Step (× 0.1 every 10 epochs)</source>
        <translation>Par paliers (× 0,1 toutes les 10 époques)</translation>
    </message>
    <message>
        <source>Constant</source>
        <translation>Constant</translation>
    </message>
    <message>
        <source>Optimisation</source>
        <translation>Optimisation</translation>
    </message>
    <message>
        <source>Epochs:</source>
        <translation>Époques :</translation>
    </message>
    <message>
        <source>Batch size:</source>
        <translation>Taille de batch :</translation>
    </message>
    <message>
        <source>Learning rate:</source>
        <translation>Taux d’apprentissage :</translation>
    </message>
    <message>
        <source>Optimizer:</source>
        <translation>Optimiseur :</translation>
    </message>
    <message>
        <source>Weight decay:</source>
        <translation>Décroissance des poids :</translation>
    </message>
    <message>
        <source>Learning-rate schedule:</source>
        <translation>Planification du taux d’apprentissage :</translation>
    </message>
    <message>
        <source>off</source>
        <translation>désactivé</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> époques</translation>
    </message>
    <message>
        <source>Stops when the monitored figure has not improved for this many epochs and keeps the best epoch&apos;s weights; 0: never stop early</source>
        <translation>Arrête l’entraînement si l’indicateur surveillé ne s’est pas amélioré pendant ce nombre d’époques et conserve les poids de la meilleure époque ; 0 : jamais d’arrêt précoce</translation>
    </message>
    <message>
        <source>Balanced class weights (rarer classes weigh more in the loss)</source>
        <translation>Poids de classes équilibrés (les classes plus rares pèsent davantage dans la perte)</translation>
    </message>
    <message>
        <source>Early stopping and class weights</source>
        <translation>Arrêt précoce et poids de classes</translation>
    </message>
    <message>
        <source>Patience:</source>
        <translation>Patience :</translation>
    </message>
    <message>
        <source>Monitor:</source>
        <translation>Indicateur surveillé :</translation>
    </message>
    <message>
        <source>Random flips</source>
        <translation>Retournements aléatoires</translation>
    </message>
    <message>
        <source>Random 90° turns</source>
        <translation>Rotations aléatoires de 90°</translation>
    </message>
    <message>
        <source>Random zoom by up to ± this share</source>
        <translation>Zoom aléatoire jusqu’à ± cette proportion</translation>
    </message>
    <message>
        <source>Random intensity scaling by up to ± this share</source>
        <translation>Mise à l’échelle aléatoire de l’intensité jusqu’à ± cette proportion</translation>
    </message>
    <message>
        <source>Standard deviation of Gaussian noise added after intensity scaling (images span 0..1)</source>
        <translation>Écart type du bruit gaussien ajouté après la mise à l’échelle de l’intensité (les images couvrent 0..1)</translation>
    </message>
    <message>
        <source> voxels</source>
        <translation> voxels</translation>
    </message>
    <message>
        <source>3-D only: smooth random deformation of up to this many voxels</source>
        <translation>3D uniquement : déformation aléatoire lisse d’au plus ce nombre de voxels</translation>
    </message>
    <message>
        <source>Augmentation (training images only)</source>
        <translation>Augmentation (images d’entraînement uniquement)</translation>
    </message>
    <message>
        <source>Rotation ±:</source>
        <translation>Rotation ± :</translation>
    </message>
    <message>
        <source>Scale ±:</source>
        <translation>Échelle ± :</translation>
    </message>
    <message>
        <source>Intensity ±:</source>
        <translation>Intensité ± :</translation>
    </message>
    <message>
        <source>Contrast ±:</source>
        <translation>Contraste ± :</translation>
    </message>
    <message>
        <source>Noise σ:</source>
        <translation>Bruit σ :</translation>
    </message>
    <message>
        <source>Elastic:</source>
        <translation>Élastique :</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>CUDA GPU</source>
        <translation>GPU CUDA</translation>
    </message>
    <message>
        <source>Checking for a GPU…</source>
        <translation>Recherche d’un GPU…</translation>
    </message>
    <message>
        <source>automatic (%1)</source>
        <translation>automatique (%1)</translation>
    </message>
    <message>
        <source>Shuffling, augmentation and the validation split repeat with the same seed</source>
        <translation>Le mélange, l’augmentation et la répartition de validation se répètent avec la même graine</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Exécution</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Périphérique :</translation>
    </message>
    <message>
        <source>Threads:</source>
        <translation>Threads :</translation>
    </message>
    <message>
        <source>Seed:</source>
        <translation>Graine :</translation>
    </message>
    <message>
        <source>Model name:</source>
        <translation>Nom du modèle :</translation>
    </message>
    <message>
        <source>Save config…</source>
        <translation>Enregistrer la configuration…</translation>
    </message>
    <message>
        <source>Save training configuration</source>
        <translation>Enregistrer la configuration d’entraînement</translation>
    </message>
    <message>
        <source>Training configuration (*.json)</source>
        <translation>Configuration d’entraînement (*.json)</translation>
    </message>
    <message>
        <source>validation loss</source>
        <translation>perte de validation</translation>
    </message>
    <message>
        <source>validation Dice</source>
        <translation>Dice de validation</translation>
    </message>
    <message>
        <source>validation accuracy</source>
        <translation>exactitude de validation</translation>
    </message>
    <message>
        <source>validation AUC</source>
        <translation>AUC de validation</translation>
    </message>
    <message>
        <source>%1 segmenter</source>
        <translation>Segmenteur %1</translation>
    </message>
    <message>
        <source>%1 tile classifier</source>
        <translation>Classifieur de tuiles %1</translation>
    </message>
    <message>
        <source>%1 classifier</source>
        <translation>Classifieur %1</translation>
    </message>
    <message>
        <source>Loading the AI engine</source>
        <translation>Chargement du moteur d’IA</translation>
    </message>
    <message>
        <source>The AI engine is unavailable: %1</source>
        <translation>Le moteur d’IA est indisponible : %1</translation>
    </message>
    <message>
        <source>LibTorch %1 with CUDA: %2</source>
        <translation>LibTorch %1 avec CUDA : %2</translation>
    </message>
    <message>
        <source>LibTorch %1 without CUDA on this machine: training runs on the CPU.</source>
        <translation>LibTorch %1 sans CUDA sur cette machine : l’entraînement s’exécute sur le CPU.</translation>
    </message>
    <message>
        <source>The run writes %1.pt and its checkpoint into %2</source>
        <translation>L’entraînement écrit %1.pt et son point de contrôle dans %2</translation>
    </message>
    <message>
        <source>Saved %1. Train with: radpath-cli train --config %2</source>
        <translation>%1 enregistré. Pour entraîner : radpath-cli train --config %2</translation>
    </message>
</context>
<context>
    <name>radpath::app::TrainingTaskPage</name>
    <message>
        <source>What should the model do?</source>
        <translation>Que doit faire le modèle ?</translation>
    </message>
    <message>
        <source>RadPath trains on your own labelled images and adds the model to your model library.</source>
        <translation>RadPath s’entraîne sur vos propres images étiquetées et ajoute le modèle à votre bibliothèque de modèles.</translation>
    </message>
    <message>
        <source>2-D image classification</source>
        <translation>Classification d’images 2D</translation>
    </message>
    <message>
        <source>Slide tile classification</source>
        <translation>Classification de tuiles de lames</translation>
    </message>
    <message>
        <source>One label per image (e.g. normal / pneumonia) from class folders: train/&lt;class&gt;/, val/&lt;class&gt;/ and optionally test/&lt;class&gt;/, or only &lt;class&gt;/ folders, split for you. PNG, JPEG, TIFF, DICOM, NIfTI.</source>
        <translation>Une étiquette par image (p. ex. normal / pneumonie) à partir de dossiers de classes : train/&lt;classe&gt;/, val/&lt;classe&gt;/ et éventuellement test/&lt;classe&gt;/, ou seulement des dossiers &lt;classe&gt;/, répartis automatiquement. PNG, JPEG, TIFF, DICOM, NIfTI.</translation>
    </message>
    <message>
        <source>A class per tile of a whole-slide image, for heat maps over slides. Tiles are cut at a chosen size and µm per pixel from slides annotated beside them (SLIDE.geojson from QuPath, or ASAP&apos;s SLIDE.xml): train/ and val/ folders of slides, or the slides in one folder. A folder of tile images by class works too.</source>
        <translation>Une classe par tuile d’une image de lame entière, pour des cartes de chaleur sur les lames. Les tuiles sont découpées à une taille et à une résolution en µm par pixel choisies, à partir de lames annotées dans un fichier placé à côté (SLIDE.geojson de QuPath ou SLIDE.xml d’ASAP) : dossiers train/ et val/ de lames, ou les lames dans un seul dossier. Un dossier d’images de tuiles rangées par classe convient aussi.</translation>
    </message>
    <message>
        <source>Segmentation (3-D volumes or 2-D images)</source>
        <translation>Segmentation (volumes 3D ou images 2D)</translation>
    </message>
    <message>
        <source>A label per voxel or pixel from images paired with label maps of the same name: train/images/ with train/labels/ (and val/, test/), or images/ with labels/. U-Net 3-D for volumes, U-Net 2-D for 2-D images.</source>
        <translation>Une étiquette par voxel ou pixel à partir d’images associées à des cartes d’étiquettes de même nom : train/images/ avec train/labels/ (et val/, test/), ou images/ avec labels/. U-Net 3D pour les volumes, U-Net 2D pour les images 2D.</translation>
    </message>
</context>
<context>
    <name>radpath::app::TrainingWizard</name>
    <message>
        <source>Train a model</source>
        <translation>Entraîner un modèle</translation>
    </message>
    <message>
        <source>the training wizard</source>
        <translation>assistant d’entraînement</translation>
    </message>
    <message>
        <source>A job of the wizard is still running. Stop it and close? A training run keeps its last checkpoint.</source>
        <translation>Une tâche de l’assistant est toujours en cours. L’arrêter et fermer ? Un entraînement conserve son dernier point de contrôle.</translation>
    </message>
</context>
<context>
    <name>radpath::pathology::AnnotationPanel</name>
    <message>
        <source>Unclassified</source>
        <translation>Non classé</translation>
    </message>
    <message>
        <source>Filter by class or name</source>
        <translation>Filtrer par classe ou nom</translation>
    </message>
    <message>
        <source>Set class</source>
        <translation>Attribuer la classe</translation>
    </message>
    <message>
        <source>Give the selected annotation the class above</source>
        <translation>Donner à l’annotation sélectionnée la classe ci-dessus</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Verrouiller</translation>
    </message>
    <message>
        <source>Lock or unlock the selected annotation (L)</source>
        <translation>Verrouiller ou déverrouiller l’annotation sélectionnée (L)</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Exporter en CSV…</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>Classe</translation>
    </message>
    <message>
        <source>Export annotations</source>
        <translation>Exporter les annotations</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>Cannot write %1
%2</source>
        <translation>Impossible d’écrire %1
%2</translation>
    </message>
    <message>
        <source>µm²</source>
        <translation>µm²</translation>
    </message>
    <message>
        <source>px²</source>
        <translation>px²</translation>
    </message>
    <message>
        <source>µm</source>
        <translation>µm</translation>
    </message>
    <message>
        <source>px</source>
        <translation>px</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Area (%1)</source>
        <translation>Aire (%1)</translation>
    </message>
    <message>
        <source>Perimeter (%1)</source>
        <translation>Périmètre (%1)</translation>
    </message>
    <message>
        <source>%1: %2, %3 %4</source>
        <translation>%1 : %2, %3 %4</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Importer…</translation>
    </message>
    <message>
        <source>Add the annotations of a QuPath GeoJSON or ASAP XML file</source>
        <translation>Ajouter les annotations d’un fichier QuPath GeoJSON ou ASAP XML</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Enregistrer sous…</translation>
    </message>
    <message>
        <source>Write the annotations as QuPath GeoJSON or ASAP XML</source>
        <translation>Écrire les annotations en QuPath GeoJSON ou ASAP XML</translation>
    </message>
    <message>
        <source>Import annotations</source>
        <translation>Importer des annotations</translation>
    </message>
    <message>
        <source>Annotations (*.geojson *.json *.xml)</source>
        <translation>Annotations (*.geojson *.json *.xml)</translation>
    </message>
    <message>
        <source>Save annotations</source>
        <translation>Enregistrer les annotations</translation>
    </message>
    <message>
        <source>QuPath GeoJSON (*.geojson);;ASAP XML (*.xml)</source>
        <translation>QuPath GeoJSON (*.geojson);;ASAP XML (*.xml)</translation>
    </message>
    <message>
        <source>Classes…</source>
        <translation>Classes…</translation>
    </message>
    <message>
        <source>Add, rename, recolour or remove classes</source>
        <translation>Ajouter, renommer, recolorer ou supprimer des classes</translation>
    </message>
    <message>
        <source>Classes</source>
        <translation>Classes</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ajouter</translation>
    </message>
    <message>
        <source>Colour…</source>
        <translation>Couleur…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Supprimer</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <source>New class</source>
        <translation>Nouvelle classe</translation>
    </message>
    <message>
        <source>New class %1</source>
        <translation>Nouvelle classe %1</translation>
    </message>
    <message>
        <source>Classes not saved: %1</source>
        <translation>Classes non enregistrées : %1</translation>
    </message>
    <message>
        <source>Classes not read: %1</source>
        <translation>Classes non lues : %1</translation>
    </message>
</context>
<context>
    <name>radpath::pathology::SlideDocumentView</name>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
    <message>
        <source>Rotate 90°</source>
        <translation>Pivoter de 90°</translation>
    </message>
    <message>
        <source>Turn the slide a quarter turn clockwise (R)</source>
        <translation>Tourner la lame d’un quart de tour dans le sens horaire (R)</translation>
    </message>
    <message>
        <source>Slide info</source>
        <translation>Infos de la lame</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>Annotations</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>Sélection</translation>
    </message>
    <message>
        <source>Pick, move and delete annotations; drag elsewhere to pan</source>
        <translation>Choisir, déplacer et supprimer des annotations ; tirer ailleurs pour se déplacer</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rectangle</translation>
    </message>
    <message>
        <source>Drag a rectangle</source>
        <translation>Tirer un rectangle</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Drag an ellipse</source>
        <translation>Tirer une ellipse</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>Polygone</translation>
    </message>
    <message>
        <source>Click the corners; double-click or Enter closes</source>
        <translation>Cliquer les sommets ; double-clic ou Entrée pour fermer</translation>
    </message>
    <message>
        <source>Freehand</source>
        <translation>Main levée</translation>
    </message>
    <message>
        <source>Draw the outline with the button held</source>
        <translation>Tracer le contour bouton enfoncé</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>Pinceau</translation>
    </message>
    <message>
        <source>Paint a region, or grow the selected one; Alt erases</source>
        <translation>Peindre une région ou agrandir celle sélectionnée ; Alt efface</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>Points</translation>
    </message>
    <message>
        <source>Click to place points</source>
        <translation>Cliquer pour placer des points</translation>
    </message>
    <message>
        <source>Ruler</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Drag to measure a distance in µm</source>
        <translation>Tirer pour mesurer une distance en µm</translation>
    </message>
    <message>
        <source>Magnification</source>
        <translation>Grossissement</translation>
    </message>
    <message>
        <source>Annotations not saved: %1</source>
        <translation>Annotations non enregistrées : %1</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Fabricant</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Taille</translation>
    </message>
    <message>
        <source>%1 × %2 px</source>
        <translation>%1 × %2 px</translation>
    </message>
    <message>
        <source>Levels</source>
        <translation>Niveaux</translation>
    </message>
    <message>
        <source>Pixel size</source>
        <translation>Taille de pixel</translation>
    </message>
    <message>
        <source>%1 × %2 µm</source>
        <translation>%1 × %2 µm</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Objective</source>
        <translation>Objectif</translation>
    </message>
    <message>
        <source>Bounds</source>
        <translation>Limites</translation>
    </message>
    <message>
        <source>Display</source>
        <translation>Affichage</translation>
    </message>
    <message>
        <source>Compare with…</source>
        <translation>Comparer avec…</translation>
    </message>
    <message>
        <source>Show a second slide beside this one</source>
        <translation>Afficher une seconde lame à côté</translation>
    </message>
    <message>
        <source>Linked</source>
        <translation>Liées</translation>
    </message>
    <message>
        <source>Both slides pan, zoom and turn together</source>
        <translation>Les deux lames se déplacent, zooment et tournent ensemble</translation>
    </message>
    <message>
        <source>Compare with slide</source>
        <translation>Comparer avec la lame</translation>
    </message>
    <message>
        <source>Some tiles cannot be read: %1</source>
        <translation>Certaines tuiles ne peuvent pas être lues : %1</translation>
    </message>
    <message>
        <source>Colour (all stains)</source>
        <translation>Couleur (toutes les colorations)</translation>
    </message>
    <message>
        <source>Hematoxylin (H&amp;E)</source>
        <translation>Hématoxyline (H&amp;E)</translation>
    </message>
    <message>
        <source>Eosin (H&amp;E)</source>
        <translation>Éosine (H&amp;E)</translation>
    </message>
    <message>
        <source>Hematoxylin (H-DAB)</source>
        <translation>Hématoxyline (H-DAB)</translation>
    </message>
    <message>
        <source>DAB (H-DAB)</source>
        <translation>DAB (H-DAB)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Brightness</source>
        <translation>Luminosité</translation>
    </message>
    <message>
        <source>Contrast</source>
        <translation>Contraste</translation>
    </message>
    <message>
        <source>Gamma</source>
        <translation>Gamma</translation>
    </message>
    <message>
        <source>Stain</source>
        <translation>Coloration</translation>
    </message>
    <message>
        <source>Annotations not loaded, and new ones not saved over them: %1</source>
        <translation>Annotations non chargées ; les nouvelles ne seront pas enregistrées par-dessus : %1</translation>
    </message>
</context>
<context>
    <name>radpath::pathology::SlideView</name>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>%1 µm</source>
        <translation>%1 µm</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
</context>
<context>
    <name>radpath::viewer::CropBoxPanel</name>
    <message>
        <source>Right → Left</source>
        <translation>Droite → Gauche</translation>
    </message>
    <message>
        <source>Left → Right</source>
        <translation>Gauche → Droite</translation>
    </message>
    <message>
        <source>Anterior → Posterior</source>
        <translation>Antérieur → Postérieur</translation>
    </message>
    <message>
        <source>Posterior → Anterior</source>
        <translation>Postérieur → Antérieur</translation>
    </message>
    <message>
        <source>Inferior → Superior</source>
        <translation>Inférieur → Supérieur</translation>
    </message>
    <message>
        <source>Superior → Inferior</source>
        <translation>Supérieur → Inférieur</translation>
    </message>
    <message>
        <source>Last slice kept along this axis</source>
        <translation>Dernière coupe conservée sur cet axe</translation>
    </message>
    <message>
        <source>First slice kept along this axis</source>
        <translation>Première coupe conservée sur cet axe</translation>
    </message>
</context>
<context>
    <name>radpath::viewer::SliceGrid</name>
    <message>
        <source>(none)</source>
        <translation>(aucune)</translation>
    </message>
</context>
<context>
    <name>radpath::viewer::SliceView</name>
    <message>
        <source>CT brain</source>
        <translation>TDM cerveau</translation>
    </message>
    <message>
        <source>CT subdural</source>
        <translation>TDM sous-dural</translation>
    </message>
    <message>
        <source>CT stroke</source>
        <translation>TDM AVC</translation>
    </message>
    <message>
        <source>CT lung</source>
        <translation>TDM poumon</translation>
    </message>
    <message>
        <source>CT mediastinum</source>
        <translation>TDM médiastin</translation>
    </message>
    <message>
        <source>CT bone</source>
        <translation>TDM os</translation>
    </message>
    <message>
        <source>CT abdomen</source>
        <translation>TDM abdomen</translation>
    </message>
    <message>
        <source>CT liver</source>
        <translation>TDM foie</translation>
    </message>
    <message>
        <source>Full range</source>
        <translation>Plage complète</translation>
    </message>
    <message>
        <source>Im %1/%2</source>
        <translation>Im %1/%2</translation>
    </message>
    <message>
        <source>Pos %1 mm</source>
        <translation>Pos %1 mm</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>VOI LUT %1</source>
        <translation>LUT VOI %1</translation>
    </message>
    <message>
        <source>W %1 L %2</source>
        <translation>L %1 N %2</translation>
    </message>
    <message>
        <source>Zoom %1 %</source>
        <translation>Zoom %1 %</translation>
    </message>
    <message>
        <source>Loading the series…</source>
        <translation>Chargement de la série…</translation>
    </message>
    <message>
        <source>(padding)</source>
        <translation>(remplissage)</translation>
    </message>
    <message>
        <source>MIP</source>
        <translation>MIP</translation>
    </message>
    <message>
        <source>MinIP</source>
        <translation>MinIP</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source>%1 slab %2 mm</source>
        <translation>Coupe épaisse %1 %2 mm</translation>
    </message>
</context>
<context>
    <name>radpath::viewer::TransferFunctionEditor</name>
    <message>
        <source>Drag a point to move it, click to add one, right-click or double-click to remove it.
Double-click the colour bar to choose a colour. The wheel zooms the values.</source>
        <translation>Tirer un point le déplace, un clic en ajoute un, clic droit ou double-clic le retire.
Double-cliquer la barre de couleurs pour choisir une couleur. La molette zoome les valeurs.</translation>
    </message>
    <message>
        <source>Colour of the transfer function</source>
        <translation>Couleur de la fonction de transfert</translation>
    </message>
</context>
<context>
    <name>radpath::viewer::VolumeRenderView</name>
    <message>
        <source>Transfer function preset</source>
        <translation>Préréglage de la fonction de transfert</translation>
    </message>
    <message>
        <source>Shading</source>
        <translation>Ombrage</translation>
    </message>
    <message>
        <source>Light the volume by its gradients</source>
        <translation>Éclairer le volume selon ses gradients</translation>
    </message>
    <message>
        <source>Crop</source>
        <translation>Rogner</translation>
    </message>
    <message>
        <source>Show only a box of the volume</source>
        <translation>Ne montrer qu’une boîte du volume</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>View from the front (anterior)</source>
        <translation>Vue de face (antérieure)</translation>
    </message>
    <message>
        <source>P</source>
        <translation>P</translation>
    </message>
    <message>
        <source>View from the back (posterior)</source>
        <translation>Vue de dos (postérieure)</translation>
    </message>
    <message>
        <source>L</source>
        <translation>L</translation>
    </message>
    <message>
        <source>View from the patient&apos;s left</source>
        <translation>Vue depuis la gauche du patient</translation>
    </message>
    <message>
        <source>R</source>
        <translation>R</translation>
    </message>
    <message>
        <source>View from the patient&apos;s right</source>
        <translation>Vue depuis la droite du patient</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>View from above the head (superior)</source>
        <translation>Vue d’au-dessus de la tête (supérieure)</translation>
    </message>
    <message>
        <source>I</source>
        <translation>I</translation>
    </message>
    <message>
        <source>View from below the feet (inferior)</source>
        <translation>Vue d’en dessous des pieds (inférieure)</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Réinitialiser</translation>
    </message>
    <message>
        <source>Front view, whole volume in sight</source>
        <translation>Vue de face, volume entier visible</translation>
    </message>
    <message>
        <source>Transfer function</source>
        <translation>Fonction de transfert</translation>
    </message>
    <message>
        <source>Show the transfer function editor under the view</source>
        <translation>Afficher l’éditeur de fonction de transfert sous la vue</translation>
    </message>
    <message>
        <source>Save screenshot…</source>
        <translation>Enregistrer une capture…</translation>
    </message>
    <message>
        <source>Save the 3-D image as PNG</source>
        <translation>Enregistrer l’image 3D en PNG</translation>
    </message>
    <message>
        <source>Save screenshot</source>
        <translation>Enregistrer une capture</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not write the screenshot to %1.</source>
        <translation>Impossible d’écrire la capture dans %1.</translation>
    </message>
</context>
<context>
    <name>radpath::viewer::VolumeView</name>
    <message>
        <source>Slice</source>
        <translation>Coupe</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>Inverser</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Longueur</translation>
    </message>
    <message>
        <source>Measure a length in mm: drag with the left button</source>
        <translation>Mesurer une longueur en mm : faire glisser avec le bouton gauche</translation>
    </message>
    <message>
        <source>Cine</source>
        <translation>Ciné</translation>
    </message>
    <message>
        <source>Play the slices or frames as a movie (Space)</source>
        <translation>Lire les coupes ou les images comme un film (Espace)</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Angle</translation>
    </message>
    <message>
        <source>Measure an angle: drag the first arm to the vertex, then click the end of the second</source>
        <translation>Mesurer un angle : tirer le premier côté jusqu’au sommet, puis cliquer l’extrémité du second</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>Rectangle</translation>
    </message>
    <message>
        <source>Rectangular region: drag from corner to corner</source>
        <translation>Région rectangulaire : tirer d’un coin à l’autre</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>Ellipse</translation>
    </message>
    <message>
        <source>Elliptical region: drag across it</source>
        <translation>Région elliptique : tirer en travers</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>Polygone</translation>
    </message>
    <message>
        <source>Polygonal region: click the corners, double-click or press Enter to close</source>
        <translation>Région polygonale : cliquer les sommets, double-cliquer ou appuyer sur Entrée pour fermer</translation>
    </message>
    <message>
        <source>Resample</source>
        <translation>Rééchantillonner</translation>
    </message>
    <message>
        <source>Put every slice of this gantry-tilted series at its true patient position</source>
        <translation>Placer chaque coupe de cette série inclinée à sa vraie position dans le patient</translation>
    </message>
    <message>
        <source>Hide this message</source>
        <translation>Masquer ce message</translation>
    </message>
    <message>
        <source>Resampling the slices to their true positions…</source>
        <translation>Rééchantillonnage des coupes à leurs vraies positions…</translation>
    </message>
    <message>
        <source>Views: three planes and 3-D, three planes, one plane, or a slice beside 3-D</source>
        <translation>Vues : trois plans et 3D, trois plans, un plan, ou une coupe à côté de la 3D</translation>
    </message>
    <message>
        <source>2×2</source>
        <translation>2×2</translation>
    </message>
    <message>
        <source>1×3</source>
        <translation>1×3</translation>
    </message>
    <message>
        <source>Single</source>
        <translation>Unique</translation>
    </message>
    <message>
        <source>Slice + 3-D</source>
        <translation>Coupe + 3D</translation>
    </message>
    <message>
        <source>Plane of the single view: the series&apos; own slices or a patient plane</source>
        <translation>Plan de la vue unique : les coupes de la série ou un plan du patient</translation>
    </message>
    <message>
        <source>Acquired</source>
        <translation>Acquis</translation>
    </message>
    <message>
        <source>Axial</source>
        <translation>Axial</translation>
    </message>
    <message>
        <source>Coronal</source>
        <translation>Coronal</translation>
    </message>
    <message>
        <source>Sagittal</source>
        <translation>Sagittal</translation>
    </message>
    <message>
        <source>Crosshair</source>
        <translation>Réticule</translation>
    </message>
    <message>
        <source>Show the crosshair: click or drag to move it, drag its handles to tilt the planes</source>
        <translation>Afficher le réticule : cliquer ou tirer pour le déplacer, tirer ses poignées pour incliner les plans</translation>
    </message>
    <message>
        <source>Orthogonal</source>
        <translation>Orthogonal</translation>
    </message>
    <message>
        <source>Turn tilted planes back to axial, coronal and sagittal</source>
        <translation>Ramener les plans inclinés en axial, coronal et sagittal</translation>
    </message>
    <message>
        <source>Thick slab: maximum, minimum or mean intensity over the slab</source>
        <translation>Coupe épaisse : intensité maximale, minimale ou moyenne sur l’épaisseur</translation>
    </message>
    <message>
        <source>Thin</source>
        <translation>Fine</translation>
    </message>
    <message>
        <source>MIP</source>
        <translation>MIP</translation>
    </message>
    <message>
        <source>MinIP</source>
        <translation>MinIP</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Moyenne</translation>
    </message>
    <message>
        <source> mm</source>
        <translation> mm</translation>
    </message>
    <message>
        <source>Screenshot</source>
        <translation>Capture</translation>
    </message>
    <message>
        <source>Save the view last clicked as a PNG image</source>
        <translation>Enregistrer la dernière vue cliquée en image PNG</translation>
    </message>
    <message>
        <source>Save screenshot</source>
        <translation>Enregistrer une capture</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>Images PNG (*.png)</translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation>Impossible d’écrire %1.</translation>
    </message>
</context>
</TS>
